// Generated from src/domain/relationships.ts by `npm run generate:cypher`; do not edit.
// Records WORKS_FOR claims from a Person to a Company: one relationship per (from, to, source).
UNWIND $rows AS row
MATCH (a:Person {id: row.from})
MATCH (b:Company {id: row.to})
MERGE (a)-[r:WORKS_FOR {source: row.source}]->(b)
SET r.asOf = row.asOf, r.role = row.role, r.since = row.since, r.until = row.until, r.note = row.note
