// Generated from src/domain/relationships.ts by `npm run generate:cypher`; do not edit.
// The empty LOCATED_IN table: the schema's own statement (cypher/schema/embedded.cypher).
CREATE REL TABLE IF NOT EXISTS LOCATED_IN(FROM Plant TO Region, FROM Plant TO Country, FROM Company TO Region, FROM Company TO Country, FROM Association TO Region, FROM Association TO Country, FROM Agency TO Region, FROM Agency TO Country, FROM Region TO Region, FROM Region TO Country, source STRING, asOf STRING, role STRING, since STRING, until STRING, note STRING)
