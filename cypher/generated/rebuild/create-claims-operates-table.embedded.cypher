// Generated from src/domain/relationships.ts by `npm run generate:cypher`; do not edit.
// The empty OPERATES table: the schema's own statement (cypher/schema/embedded.cypher).
CREATE REL TABLE IF NOT EXISTS OPERATES(FROM Company TO Plant, source STRING, asOf STRING, role STRING, since STRING, until STRING, note STRING)
