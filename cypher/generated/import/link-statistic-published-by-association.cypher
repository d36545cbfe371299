// Generated from src/domain/relationships.ts by `npm run generate:cypher`; do not edit.
// Links statistics to the Association in their published by field.
UNWIND $rows AS row
MATCH (s:Statistic {id: row.id})
MATCH (t:Association {id: row.target})
MERGE (s)-[:PUBLISHED_BY]->(t)
