// Generated from src/domain/relationships.ts by `npm run generate:cypher`; do not edit.
// The empty Source table: the schema's own statement (cypher/schema/embedded.cypher).
CREATE NODE TABLE IF NOT EXISTS Source(id STRING PRIMARY KEY, kind STRING, name STRING, title STRING, publisher STRING, published STRING, url STRING, language STRING, description STRING, searchText STRING)
