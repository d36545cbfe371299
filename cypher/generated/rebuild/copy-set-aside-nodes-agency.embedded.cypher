// Generated from src/domain/relationships.ts by `npm run generate:cypher`; do not edit.
// Loads the set-aside Agency rows into the new table, in bulk.
COPY Agency FROM (MATCH (n:AgencySetAside) RETURN n.id, n.kind, n.name, n.aliases, n.description, n.wikidata, n.sources, n.searchText)
