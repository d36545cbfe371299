// Generated from src/domain/relationships.ts by `npm run generate:cypher`; do not edit.
// Links new statistics, staged in copy-statistic-destination-region.csv, to the Region in their destination field.
COPY DESTINATION FROM 'copy-statistic-destination-region.csv'
  (header=false, delim='\u001f', quote='\u001c', escape='\u001c', from='Statistic', to='Region')
