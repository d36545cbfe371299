// Generated from src/domain/relationships.ts by `npm run generate:cypher`; do not edit.
// Loads the set-aside Company rows into the new table, in bulk.
COPY Company FROM (MATCH (n:CompanySetAside) RETURN n.id, n.kind, n.name, n.aliases, n.description, n.wikidata, n.sources, n.searchText, n.companyType)
