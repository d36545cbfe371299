// Generated from src/domain/relationships.ts by `npm run generate:cypher`; do not edit.
// Renames the PUBLISHED_BY table while the Statistic table is set aside (set-aside-statistics), so
// that a new, empty one can take every link in bulk loads.
ALTER TABLE PUBLISHED_BY RENAME TO PUBLISHED_BY_SET_ASIDE
