// Generated from src/domain/kinds.ts by `npm run generate:cypher`; do not edit.
// Country nodes by id, through the Country id index; unknown ids (or ids of other kinds) give no row.
UNWIND $ids AS id
MATCH (n:Country {id: id})
RETURN id, n AS node
