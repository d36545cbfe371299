// Generated from src/domain/relationships.ts by `npm run generate:cypher`; do not edit.
// The empty PARTY_TO table: the schema's own statement (cypher/schema/embedded.cypher).
CREATE REL TABLE IF NOT EXISTS PARTY_TO(FROM Country TO Policy, source STRING, asOf STRING, role STRING, since STRING, until STRING, note STRING)
