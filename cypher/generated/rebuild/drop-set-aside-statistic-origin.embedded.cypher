// Generated from src/domain/relationships.ts by `npm run generate:cypher`; do not edit.
// Drops the set-aside ORIGIN table, its links loaded into the new one.
DROP TABLE ORIGIN_SET_ASIDE
