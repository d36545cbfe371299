// Generated from src/domain/relationships.ts by `npm run generate:cypher`; do not edit.
// Links new statistics, staged in copy-statistic-stated-in-source.csv, to the Source in their stated in field.
COPY STATED_IN FROM 'copy-statistic-stated-in-source.csv'
  (header=false, delim='\u001f', quote='\u001c', escape='\u001c', from='Statistic', to='Source')
