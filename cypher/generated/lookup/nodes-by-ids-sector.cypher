// Generated from src/domain/kinds.ts by `npm run generate:cypher`; do not edit.
// Sector nodes by id, through the Sector id index; unknown ids (or ids of other kinds) give no row.
UNWIND $ids AS id
MATCH (n:Sector {id: id})
RETURN id, n AS node
