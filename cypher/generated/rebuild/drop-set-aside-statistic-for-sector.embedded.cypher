// Generated from src/domain/relationships.ts by `npm run generate:cypher`; do not edit.
// Drops the set-aside FOR_SECTOR table, its links loaded into the new one.
DROP TABLE FOR_SECTOR_SET_ASIDE
