// Generated from src/domain/relationships.ts by `npm run generate:cypher`; do not edit.
// Records IN_SECTOR claims from a Association to a Sector: one relationship per (from, to, source).
UNWIND $rows AS row
MATCH (a:Association {id: row.from})
MATCH (b:Sector {id: row.to})
MERGE (a)-[r:IN_SECTOR {source: row.source}]->(b)
SET r.asOf = row.asOf, r.role = row.role, r.since = row.since, r.until = row.until, r.note = row.note
