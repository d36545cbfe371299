// Generated from src/domain/relationships.ts by `npm run generate:cypher`; do not edit.
// Drops the set-aside PARTY_TO table, its rows loaded into the new one.
DROP TABLE PARTY_TO_SET_ASIDE
