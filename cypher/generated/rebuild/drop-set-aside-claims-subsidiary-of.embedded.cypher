// Generated from src/domain/relationships.ts by `npm run generate:cypher`; do not edit.
// Drops the set-aside SUBSIDIARY_OF table, its rows loaded into the new one.
DROP TABLE SUBSIDIARY_OF_SET_ASIDE
