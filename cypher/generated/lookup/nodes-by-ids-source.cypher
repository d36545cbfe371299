// Generated from src/domain/kinds.ts by `npm run generate:cypher`; do not edit.
// Source nodes by id, through the Source id index; unknown ids (or ids of other kinds) give no row.
UNWIND $ids AS id
MATCH (n:Source {id: id})
RETURN id, n AS node
