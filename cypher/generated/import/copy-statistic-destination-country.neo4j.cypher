// Generated from src/domain/relationships.ts by `npm run generate:cypher`; do not edit.
// Links new statistics, staged in copy-statistic-destination-country.csv, to the Country in their destination field.
LOAD CSV FROM 'file:///copy-statistic-destination-country.csv' AS f FIELDTERMINATOR '\u001f'
MATCH (s:Statistic {id: f[0]})
MATCH (t:Country {id: f[1]})
CREATE (s)-[:DESTINATION]->(t)
