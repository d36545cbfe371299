// Generated from src/domain/relationships.ts by `npm run generate:cypher`; do not edit.
// Drops the set-aside WORKS_FOR table, its rows loaded into the new one.
DROP TABLE WORKS_FOR_SET_ASIDE
