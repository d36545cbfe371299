// Generated from src/domain/relationships.ts by `npm run generate:cypher`; do not edit.
// Records LOCATED_IN claims from a Plant to a Country: one relationship per (from, to, source).
UNWIND $rows AS row
MATCH (a:Plant {id: row.from})
MATCH (b:Country {id: row.to})
MERGE (a)-[r:LOCATED_IN {source: row.source}]->(b)
SET r.asOf = row.asOf, r.role = row.role, r.since = row.since, r.until = row.until, r.note = row.note
