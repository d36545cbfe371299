// Generated from src/domain/kinds.ts by `npm run generate:cypher`; do not edit.
// Plant nodes by id, through the Plant id index; unknown ids (or ids of other kinds) give no row.
UNWIND $ids AS id
MATCH (n:Plant {id: id})
RETURN id, n AS node
