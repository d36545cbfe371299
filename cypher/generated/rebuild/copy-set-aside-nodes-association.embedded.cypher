// Generated from src/domain/relationships.ts by `npm run generate:cypher`; do not edit.
// Loads the set-aside Association rows into the new table, in bulk.
COPY Association FROM (MATCH (n:AssociationSetAside) RETURN n.id, n.kind, n.name, n.aliases, n.description, n.wikidata, n.sources, n.searchText, n.nameEs, n.nameEn, n.founded, n.foundedValues, n.foundedSources)
