// Generated from src/domain/kinds.ts by `npm run generate:cypher`; do not edit.
// Removes Agency nodes by id, with their relationships; unknown ids (or ids of other kinds) are no-ops.
UNWIND $ids AS id
MATCH (n:Agency {id: id})
DETACH DELETE n
