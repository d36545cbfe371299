// Generated from src/domain/relationships.ts by `npm run generate:cypher`; do not edit.
// Loads the set-aside Sector rows into the new table, in bulk.
COPY Sector FROM (MATCH (n:SectorSetAside) RETURN n.id, n.kind, n.name, n.aliases, n.description, n.wikidata, n.sources, n.searchText, n.hsCodes, n.naicsCodes)
