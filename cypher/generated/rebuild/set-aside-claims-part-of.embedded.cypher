// Generated from src/domain/relationships.ts by `npm run generate:cypher`; do not edit.
// Renames the PART_OF table while the tables are built again, so that a new one, loaded in
// bulk, takes its rows (src/store/rebuild-statements.ts).
ALTER TABLE PART_OF RENAME TO PART_OF_SET_ASIDE
