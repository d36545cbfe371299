// Generated from src/domain/relationships.ts by `npm run generate:cypher`; do not edit.
// Renames the MEASURES table while the Statistic table is set aside (set-aside-statistics), so
// that a new, empty one can take every link in bulk loads.
ALTER TABLE MEASURES RENAME TO MEASURES_SET_ASIDE
