// Generated from src/domain/relationships.ts by `npm run generate:cypher`; do not edit.
// Renames the HEADQUARTERED_IN table while its end tables are built again, so that a new one takes its
// claims in bulk.
ALTER TABLE HEADQUARTERED_IN RENAME TO HEADQUARTERED_IN_SET_ASIDE
