// Generated from src/domain/relationships.ts by `npm run generate:cypher`; do not edit.
// Loads the set-aside Source rows into the new table, in bulk.
COPY Source FROM (MATCH (n:SourceSetAside) RETURN n.id, n.kind, n.name, n.title, n.publisher, n.published, n.url, n.language, n.description, n.searchText)
