// Generated from src/domain/relationships.ts by `npm run generate:cypher`; do not edit.
// Links new statistics, staged in copy-statistic-published-by-agency.csv, to the Agency in their published by field.
COPY PUBLISHED_BY FROM 'copy-statistic-published-by-agency.csv'
  (header=false, delim='\u001f', quote='\u001c', escape='\u001c', from='Statistic', to='Agency')
