// Generated from src/domain/relationships.ts by `npm run generate:cypher`; do not edit.
// Drops the set-aside STATED_IN table, its links loaded into the new one.
DROP TABLE STATED_IN_SET_ASIDE
