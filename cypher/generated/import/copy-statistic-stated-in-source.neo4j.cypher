// Generated from src/domain/relationships.ts by `npm run generate:cypher`; do not edit.
// Links new statistics, staged in copy-statistic-stated-in-source.csv, to the Source in their stated in field.
LOAD CSV FROM 'file:///copy-statistic-stated-in-source.csv' AS f FIELDTERMINATOR '\u001f'
MATCH (s:Statistic {id: f[0]})
MATCH (t:Source {id: f[1]})
CREATE (s)-[:STATED_IN]->(t)
