// Generated from src/domain/relationships.ts by `npm run generate:cypher`; do not edit.
// Renames the Person table while the tables are built again, so that a new one, loaded in
// bulk, takes its rows (src/store/rebuild-statements.ts).
ALTER TABLE Person RENAME TO PersonSetAside
