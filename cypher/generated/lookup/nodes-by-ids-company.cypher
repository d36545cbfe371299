// Generated from src/domain/kinds.ts by `npm run generate:cypher`; do not edit.
// Company nodes by id, through the Company id index; unknown ids (or ids of other kinds) give no row.
UNWIND $ids AS id
MATCH (n:Company {id: id})
RETURN id, n AS node
