// Generated from src/domain/relationships.ts by `npm run generate:cypher`; do not edit.
// Renames the FOR_SECTOR table while the Statistic table is set aside (set-aside-statistics), so
// that a new, empty one can take every link in bulk loads.
ALTER TABLE FOR_SECTOR RENAME TO FOR_SECTOR_SET_ASIDE
