// Generated from src/domain/relationships.ts by `npm run generate:cypher`; do not edit.
// Renames the WORKS_FOR table while its end tables are built again, so that a new one takes its
// claims in bulk.
ALTER TABLE WORKS_FOR RENAME TO WORKS_FOR_SET_ASIDE
