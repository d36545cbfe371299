// Generated from src/domain/relationships.ts by `npm run generate:cypher`; do not edit.
// Renames the SUBSECTOR_OF table while the tables are built again, so that a new one, loaded in
// bulk, takes its rows (src/store/rebuild-statements.ts).
ALTER TABLE SUBSECTOR_OF RENAME TO SUBSECTOR_OF_SET_ASIDE
