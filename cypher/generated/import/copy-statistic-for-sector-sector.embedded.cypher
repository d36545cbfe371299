// Generated from src/domain/relationships.ts by `npm run generate:cypher`; do not edit.
// Links new statistics, staged in copy-statistic-for-sector-sector.csv, to the Sector in their for sector field.
COPY FOR_SECTOR FROM 'copy-statistic-for-sector-sector.csv'
  (header=false, delim='\u001f', quote='\u001c', escape='\u001c', from='Statistic', to='Sector')
