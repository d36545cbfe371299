// Generated from src/domain/relationships.ts by `npm run generate:cypher`; do not edit.
// Links new statistics, staged in copy-statistic-for-sector-sector.csv, to the Sector in their for sector field.
LOAD CSV FROM 'file:///copy-statistic-for-sector-sector.csv' AS f FIELDTERMINATOR '\u001f'
MATCH (s:Statistic {id: f[0]})
MATCH (t:Sector {id: f[1]})
CREATE (s)-[:FOR_SECTOR]->(t)
