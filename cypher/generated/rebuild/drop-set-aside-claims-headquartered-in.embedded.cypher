// Generated from src/domain/relationships.ts by `npm run generate:cypher`; do not edit.
// Drops the set-aside HEADQUARTERED_IN table, its rows loaded into the new one.
DROP TABLE HEADQUARTERED_IN_SET_ASIDE
