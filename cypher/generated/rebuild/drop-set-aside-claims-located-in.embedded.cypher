// Generated from src/domain/relationships.ts by `npm run generate:cypher`; do not edit.
// Drops the set-aside LOCATED_IN table, its rows loaded into the new one.
DROP TABLE LOCATED_IN_SET_ASIDE
