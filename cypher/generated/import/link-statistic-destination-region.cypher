// Generated from src/domain/relationships.ts by `npm run generate:cypher`; do not edit.
// Links statistics to the Region in their destination field.
UNWIND $rows AS row
MATCH (s:Statistic {id: row.id})
MATCH (t:Region {id: row.target})
MERGE (s)-[:DESTINATION]->(t)
