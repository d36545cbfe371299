// Generated from src/domain/relationships.ts by `npm run generate:cypher`; do not edit.
// Drops the set-aside AFFECTS table, its rows loaded into the new one.
DROP TABLE AFFECTS_SET_ASIDE
