// Generated from src/domain/relationships.ts by `npm run generate:cypher`; do not edit.
// Renames the DESTINATION table while the Statistic table is set aside (set-aside-statistics), so
// that a new, empty one can take every link in bulk loads.
ALTER TABLE DESTINATION RENAME TO DESTINATION_SET_ASIDE
