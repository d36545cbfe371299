// Generated from src/domain/kinds.ts by `npm run generate:cypher`; do not edit.
// Region nodes by id, through the Region id index; unknown ids (or ids of other kinds) give no row.
UNWIND $ids AS id
MATCH (n:Region {id: id})
RETURN id, n AS node
