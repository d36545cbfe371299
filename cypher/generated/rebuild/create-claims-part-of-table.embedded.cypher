// Generated from src/domain/relationships.ts by `npm run generate:cypher`; do not edit.
// The empty PART_OF table: the schema's own statement (cypher/schema/embedded.cypher).
CREATE REL TABLE IF NOT EXISTS PART_OF(FROM Policy TO Policy, source STRING, asOf STRING, role STRING, since STRING, until STRING, note STRING)
