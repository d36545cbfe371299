// Generated from src/domain/relationships.ts by `npm run generate:cypher`; do not edit.
// Renames the PARTY_TO table while its end tables are built again, so that a new one takes its
// claims in bulk.
ALTER TABLE PARTY_TO RENAME TO PARTY_TO_SET_ASIDE
