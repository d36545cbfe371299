// Generated from src/domain/relationships.ts by `npm run generate:cypher`; do not edit.
// Renames the IN_SECTOR table while its end tables are built again, so that a new one takes its
// claims in bulk.
ALTER TABLE IN_SECTOR RENAME TO IN_SECTOR_SET_ASIDE
