// Generated from src/domain/relationships.ts by `npm run generate:cypher`; do not edit.
// Records PARTY_TO claims from a Country to a Policy: one relationship per (from, to, source).
UNWIND $rows AS row
MATCH (a:Country {id: row.from})
MATCH (b:Policy {id: row.to})
MERGE (a)-[r:PARTY_TO {source: row.source}]->(b)
SET r.asOf = row.asOf, r.role = row.role, r.since = row.since, r.until = row.until, r.note = row.note
