// Generated from src/domain/relationships.ts by `npm run generate:cypher`; do not edit.
// Links new statistics, staged in copy-statistic-published-by-association.csv, to the Association in their published by field.
LOAD CSV FROM 'file:///copy-statistic-published-by-association.csv' AS f FIELDTERMINATOR '\u001f'
MATCH (s:Statistic {id: f[0]})
MATCH (t:Association {id: f[1]})
CREATE (s)-[:PUBLISHED_BY]->(t)
