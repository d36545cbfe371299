// Generated from src/domain/relationships.ts by `npm run generate:cypher`; do not edit.
// Drops the set-aside MEASURES table, its links loaded into the new one.
DROP TABLE MEASURES_SET_ASIDE
