// Generated from src/domain/kinds.ts by `npm run generate:cypher`; do not edit.
// Person nodes by id, through the Person id index; unknown ids (or ids of other kinds) give no row.
UNWIND $ids AS id
MATCH (n:Person {id: id})
RETURN id, n AS node
