// Generated from src/domain/relationships.ts by `npm run generate:cypher`; do not edit.
// Links statistics to the Sector in their for sector field.
UNWIND $rows AS row
MATCH (s:Statistic {id: row.id})
MATCH (t:Sector {id: row.target})
MERGE (s)-[:FOR_SECTOR]->(t)
