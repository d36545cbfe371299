// Generated from src/domain/relationships.ts by `npm run generate:cypher`; do not edit.
// The empty Association table: the schema's own statement (cypher/schema/embedded.cypher).
CREATE NODE TABLE IF NOT EXISTS Association(id STRING PRIMARY KEY, kind STRING, name STRING, aliases STRING[], description STRING, wikidata STRING, sources STRING[], searchText STRING, nameEs STRING, nameEn STRING, founded STRING, foundedValues STRING[], foundedSources STRING[])
