// Generated from src/domain/relationships.ts by `npm run generate:cypher`; do not edit.
// The empty IN_SECTOR table: the schema's own statement (cypher/schema/embedded.cypher).
CREATE REL TABLE IF NOT EXISTS IN_SECTOR(FROM Company TO Sector, FROM Plant TO Sector, FROM Association TO Sector, source STRING, asOf STRING, role STRING, since STRING, until STRING, note STRING)
