// Generated from src/domain/kinds.ts by `npm run generate:cypher`; do not edit.
// Association nodes by id, through the Association id index; unknown ids (or ids of other kinds) give no row.
UNWIND $ids AS id
MATCH (n:Association {id: id})
RETURN id, n AS node
