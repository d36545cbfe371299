// Generated from src/domain/relationships.ts by `npm run generate:cypher`; do not edit.
// Links statistics to the Source in their stated in field.
UNWIND $rows AS row
MATCH (s:Statistic {id: row.id})
MATCH (t:Source {id: row.target})
MERGE (s)-[:STATED_IN]->(t)
