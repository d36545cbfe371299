// Generated from src/domain/relationships.ts by `npm run generate:cypher`; do not edit.
// Links new statistics, staged in copy-statistic-measures-sector.csv, to the Sector in their measures field.
COPY MEASURES FROM 'copy-statistic-measures-sector.csv'
  (header=false, delim='\u001f', quote='\u001c', escape='\u001c', from='Statistic', to='Sector')
