// Generated from src/domain/relationships.ts by `npm run generate:cypher`; do not edit.
// Drops the set-aside SUBSECTOR_OF table, its rows loaded into the new one.
DROP TABLE SUBSECTOR_OF_SET_ASIDE
