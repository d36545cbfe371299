// Generated from src/domain/relationships.ts by `npm run generate:cypher`; do not edit.
// Drops the set-aside IN_SECTOR table, its rows loaded into the new one.
DROP TABLE IN_SECTOR_SET_ASIDE
