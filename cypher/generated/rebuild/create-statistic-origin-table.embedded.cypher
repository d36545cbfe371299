// Generated from src/domain/relationships.ts by `npm run generate:cypher`; do not edit.
// The empty ORIGIN table a bulk write loads every link into: the schema's own statement
// (cypher/schema/embedded.cypher; a test holds them equal).
CREATE REL TABLE IF NOT EXISTS ORIGIN(FROM Statistic TO Country, FROM Statistic TO Region)
