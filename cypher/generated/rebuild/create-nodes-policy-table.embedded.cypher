// Generated from src/domain/relationships.ts by `npm run generate:cypher`; do not edit.
// The empty Policy table: the schema's own statement (cypher/schema/embedded.cypher).
CREATE NODE TABLE IF NOT EXISTS Policy(id STRING PRIMARY KEY, kind STRING, name STRING, aliases STRING[], description STRING, wikidata STRING, sources STRING[], searchText STRING, policyType STRING, startDate STRING, endDate STRING, startDateValues STRING[], startDateSources STRING[], endDateValues STRING[], endDateSources STRING[])
