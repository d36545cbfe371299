// Generated from src/domain/relationships.ts by `npm run generate:cypher`; do not edit.
// Links new statistics, staged in copy-statistic-measures-country.csv, to the Country in their measures field.
LOAD CSV FROM 'file:///copy-statistic-measures-country.csv' AS f FIELDTERMINATOR '\u001f'
MATCH (s:Statistic {id: f[0]})
MATCH (t:Country {id: f[1]})
CREATE (s)-[:MEASURES]->(t)
