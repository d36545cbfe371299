// Generated from src/domain/relationships.ts by `npm run generate:cypher`; do not edit.
// Drops the set-aside PART_OF table, its rows loaded into the new one.
DROP TABLE PART_OF_SET_ASIDE
