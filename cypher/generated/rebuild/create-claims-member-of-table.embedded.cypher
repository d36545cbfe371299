// Generated from src/domain/relationships.ts by `npm run generate:cypher`; do not edit.
// The empty MEMBER_OF table: the schema's own statement (cypher/schema/embedded.cypher).
CREATE REL TABLE IF NOT EXISTS MEMBER_OF(FROM Company TO Association, source STRING, asOf STRING, role STRING, since STRING, until STRING, note STRING)
