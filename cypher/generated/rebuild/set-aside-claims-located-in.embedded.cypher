// Generated from src/domain/relationships.ts by `npm run generate:cypher`; do not edit.
// Renames the LOCATED_IN table while its end tables are built again, so that a new one takes its
// claims in bulk.
ALTER TABLE LOCATED_IN RENAME TO LOCATED_IN_SET_ASIDE
