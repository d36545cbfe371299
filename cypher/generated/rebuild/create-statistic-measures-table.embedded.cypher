// Generated from src/domain/relationships.ts by `npm run generate:cypher`; do not edit.
// The empty MEASURES table a bulk write loads every link into: the schema's own statement
// (cypher/schema/embedded.cypher; a test holds them equal).
CREATE REL TABLE IF NOT EXISTS MEASURES(FROM Statistic TO Company, FROM Statistic TO Plant, FROM Statistic TO Association, FROM Statistic TO Country, FROM Statistic TO Region, FROM Statistic TO Sector, FROM Statistic TO Policy)
