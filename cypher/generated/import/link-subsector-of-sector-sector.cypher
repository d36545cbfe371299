// Generated from src/domain/relationships.ts by `npm run generate:cypher`; do not edit.
// Records SUBSECTOR_OF claims from a Sector to a Sector: one relationship per (from, to, source).
UNWIND $rows AS row
MATCH (a:Sector {id: row.from})
MATCH (b:Sector {id: row.to})
MERGE (a)-[r:SUBSECTOR_OF {source: row.source}]->(b)
SET r.asOf = row.asOf, r.role = row.role, r.since = row.since, r.until = row.until, r.note = row.note
