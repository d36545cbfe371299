// Generated from src/domain/relationships.ts by `npm run generate:cypher`; do not edit.
// Drops the set-aside DESTINATION table, its links loaded into the new one.
DROP TABLE DESTINATION_SET_ASIDE
