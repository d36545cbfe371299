// Generated from src/domain/relationships.ts by `npm run generate:cypher`; do not edit.
// Renames the OPERATES table while its end tables are built again, so that a new one takes its
// claims in bulk.
ALTER TABLE OPERATES RENAME TO OPERATES_SET_ASIDE
