// Generated from src/domain/relationships.ts by `npm run generate:cypher`; do not edit.
// The empty SUBSIDIARY_OF table: the schema's own statement (cypher/schema/embedded.cypher).
CREATE REL TABLE IF NOT EXISTS SUBSIDIARY_OF(FROM Company TO Company, source STRING, asOf STRING, role STRING, since STRING, until STRING, note STRING)
