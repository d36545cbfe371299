// Generated from src/domain/relationships.ts by `npm run generate:cypher`; do not edit.
// Loads the set-aside Policy rows into the new table, in bulk.
COPY Policy FROM (MATCH (n:PolicySetAside) RETURN n.id, n.kind, n.name, n.aliases, n.description, n.wikidata, n.sources, n.searchText, n.policyType, n.startDate, n.endDate, n.startDateValues, n.startDateSources, n.endDateValues, n.endDateSources)
