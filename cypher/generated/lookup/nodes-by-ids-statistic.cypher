// Generated from src/domain/kinds.ts by `npm run generate:cypher`; do not edit.
// Statistic nodes by id, through the Statistic id index; unknown ids (or ids of other kinds) give no row.
UNWIND $ids AS id
MATCH (n:Statistic {id: id})
RETURN id, n AS node
