// Generated from src/domain/relationships.ts by `npm run generate:cypher`; do not edit.
// Drops the set-aside PUBLISHED_BY table, its links loaded into the new one.
DROP TABLE PUBLISHED_BY_SET_ASIDE
