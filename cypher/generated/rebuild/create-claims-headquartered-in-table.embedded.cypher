// Generated from src/domain/relationships.ts by `npm run generate:cypher`; do not edit.
// The empty HEADQUARTERED_IN table: the schema's own statement (cypher/schema/embedded.cypher).
CREATE REL TABLE IF NOT EXISTS HEADQUARTERED_IN(FROM Company TO Country, FROM Company TO Region, FROM Association TO Country, FROM Association TO Region, FROM Agency TO Country, FROM Agency TO Region, source STRING, asOf STRING, role STRING, since STRING, until STRING, note STRING)
