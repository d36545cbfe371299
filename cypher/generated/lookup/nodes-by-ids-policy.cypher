// Generated from src/domain/kinds.ts by `npm run generate:cypher`; do not edit.
// Policy nodes by id, through the Policy id index; unknown ids (or ids of other kinds) give no row.
UNWIND $ids AS id
MATCH (n:Policy {id: id})
RETURN id, n AS node
