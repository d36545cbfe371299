// Generated from src/domain/relationships.ts by `npm run generate:cypher`; do not edit.
// The empty PUBLISHED_BY table a bulk write loads every link into: the schema's own statement
// (cypher/schema/embedded.cypher; a test holds them equal).
CREATE REL TABLE IF NOT EXISTS PUBLISHED_BY(FROM Statistic TO Agency, FROM Statistic TO Association)
