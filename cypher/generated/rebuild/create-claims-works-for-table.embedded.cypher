// Generated from src/domain/relationships.ts by `npm run generate:cypher`; do not edit.
// The empty WORKS_FOR table: the schema's own statement (cypher/schema/embedded.cypher).
CREATE REL TABLE IF NOT EXISTS WORKS_FOR(FROM Person TO Company, FROM Person TO Association, FROM Person TO Agency, FROM Person TO Country, source STRING, asOf STRING, role STRING, since STRING, until STRING, note STRING)
