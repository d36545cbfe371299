// Generated from src/domain/relationships.ts by `npm run generate:cypher`; do not edit.
// Records LOCATED_IN claims from a Company to a Region: one relationship per (from, to, source).
UNWIND $rows AS row
MATCH (a:Company {id: row.from})
MATCH (b:Region {id: row.to})
MERGE (a)-[r:LOCATED_IN {source: row.source}]->(b)
SET r.asOf = row.asOf, r.role = row.role, r.since = row.since, r.until = row.until, r.note = row.note
