// Generated from src/domain/relationships.ts by `npm run generate:cypher`; do not edit.
// Links statistics to the Policy in their measures field.
UNWIND $rows AS row
MATCH (s:Statistic {id: row.id})
MATCH (t:Policy {id: row.target})
MERGE (s)-[:MEASURES]->(t)
