// Generated from src/domain/relationships.ts by `npm run generate:cypher`; do not edit.
// Links new statistics, staged in copy-statistic-destination-country.csv, to the Country in their destination field.
COPY DESTINATION FROM 'copy-statistic-destination-country.csv'
  (header=false, delim='\u001f', quote='\u001c', escape='\u001c', from='Statistic', to='Country')
