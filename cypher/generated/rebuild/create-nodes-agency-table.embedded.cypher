// Generated from src/domain/relationships.ts by `npm run generate:cypher`; do not edit.
// The empty Agency table: the schema's own statement (cypher/schema/embedded.cypher).
CREATE NODE TABLE IF NOT EXISTS Agency(id STRING PRIMARY KEY, kind STRING, name STRING, aliases STRING[], description STRING, wikidata STRING, sources STRING[], searchText STRING)
