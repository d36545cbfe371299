// Generated from src/domain/relationships.ts by `npm run generate:cypher`; do not edit.
// Renames the SUBSIDIARY_OF table while its end tables are built again, so that a new one takes its
// claims in bulk.
ALTER TABLE SUBSIDIARY_OF RENAME TO SUBSIDIARY_OF_SET_ASIDE
