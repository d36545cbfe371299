// Generated from src/domain/kinds.ts by `npm run generate:cypher`; do not edit.
// Agency nodes by id, through the Agency id index; unknown ids (or ids of other kinds) give no row.
UNWIND $ids AS id
MATCH (n:Agency {id: id})
RETURN id, n AS node
