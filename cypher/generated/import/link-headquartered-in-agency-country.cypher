// Generated from src/domain/relationships.ts by `npm run generate:cypher`; do not edit.
// Records HEADQUARTERED_IN claims from a Agency to a Country: one relationship per (from, to, source).
UNWIND $rows AS row
MATCH (a:Agency {id: row.from})
MATCH (b:Country {id: row.to})
MERGE (a)-[r:HEADQUARTERED_IN {source: row.source}]->(b)
SET r.asOf = row.asOf, r.role = row.role, r.since = row.since, r.until = row.until, r.note = row.note
