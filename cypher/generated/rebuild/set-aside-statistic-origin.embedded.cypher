// Generated from src/domain/relationships.ts by `npm run generate:cypher`; do not edit.
// Renames the ORIGIN table while the Statistic table is set aside (set-aside-statistics), so
// that a new, empty one can take every link in bulk loads.
ALTER TABLE ORIGIN RENAME TO ORIGIN_SET_ASIDE
