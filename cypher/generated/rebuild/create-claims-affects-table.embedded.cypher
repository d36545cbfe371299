// Generated from src/domain/relationships.ts by `npm run generate:cypher`; do not edit.
// The empty AFFECTS table: the schema's own statement (cypher/schema/embedded.cypher).
CREATE REL TABLE IF NOT EXISTS AFFECTS(FROM Policy TO Sector, FROM Policy TO Company, FROM Policy TO Country, source STRING, asOf STRING, role STRING, since STRING, until STRING, note STRING)
