// Generated from src/domain/relationships.ts by `npm run generate:cypher`; do not edit.
// Renames the STATED_IN table while the Statistic table is set aside (set-aside-statistics), so
// that a new, empty one can take every link in bulk loads.
ALTER TABLE STATED_IN RENAME TO STATED_IN_SET_ASIDE
