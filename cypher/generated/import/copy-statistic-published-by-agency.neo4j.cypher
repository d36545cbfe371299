// Generated from src/domain/relationships.ts by `npm run generate:cypher`; do not edit.
// Links new statistics, staged in copy-statistic-published-by-agency.csv, to the Agency in their published by field.
LOAD CSV FROM 'file:///copy-statistic-published-by-agency.csv' AS f FIELDTERMINATOR '\u001f'
MATCH (s:Statistic {id: f[0]})
MATCH (t:Agency {id: f[1]})
CREATE (s)-[:PUBLISHED_BY]->(t)
