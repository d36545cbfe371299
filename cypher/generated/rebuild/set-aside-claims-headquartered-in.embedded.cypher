// Generated from src/domain/relationships.ts by `npm run generate:cypher`; do not edit.
// Renames the HEADQUARTERED_IN table while the tables are built again, so that a new one, loaded in
// bulk, takes its rows (src/store/rebuild-statements.ts).
ALTER TABLE HEADQUARTERED_IN RENAME TO HEADQUARTERED_IN_SET_ASIDE
