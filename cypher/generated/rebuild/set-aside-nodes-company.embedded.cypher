// Generated from src/domain/relationships.ts by `npm run generate:cypher`; do not edit.
// Renames the Company table while the Statistic table is built again, so that a new one, loaded
// in bulk, takes its rows (src/store/rebuild-statements.ts).
ALTER TABLE Company RENAME TO CompanySetAside
