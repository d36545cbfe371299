// Generated from src/domain/relationships.ts by `npm run generate:cypher`; do not edit.
// Loads the set-aside Plant rows into the new table, in bulk.
COPY Plant FROM (MATCH (n:PlantSetAside) RETURN n.id, n.kind, n.name, n.aliases, n.description, n.wikidata, n.sources, n.searchText, n.facilityType, n.opened, n.products, n.openedValues, n.openedSources)
