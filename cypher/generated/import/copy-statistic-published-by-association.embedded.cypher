// Generated from src/domain/relationships.ts by `npm run generate:cypher`; do not edit.
// Links new statistics, staged in copy-statistic-published-by-association.csv, to the Association in their published by field.
COPY PUBLISHED_BY FROM 'copy-statistic-published-by-association.csv'
  (header=false, delim='\u001f', quote='\u001c', escape='\u001c', from='Statistic', to='Association')
