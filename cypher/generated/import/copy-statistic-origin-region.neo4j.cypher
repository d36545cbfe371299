// Generated from src/domain/relationships.ts by `npm run generate:cypher`; do not edit.
// Links new statistics, staged in copy-statistic-origin-region.csv, to the Region in their origin field.
LOAD CSV FROM 'file:///copy-statistic-origin-region.csv' AS f FIELDTERMINATOR '\u001f'
MATCH (s:Statistic {id: f[0]})
MATCH (t:Region {id: f[1]})
CREATE (s)-[:ORIGIN]->(t)
