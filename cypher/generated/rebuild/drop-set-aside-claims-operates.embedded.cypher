// Generated from src/domain/relationships.ts by `npm run generate:cypher`; do not edit.
// Drops the set-aside OPERATES table, its rows loaded into the new one.
DROP TABLE OPERATES_SET_ASIDE
