// The key "table" a bulk write loads every key into, after set-aside-statistic-keys: in Neo4j, the
// schema's uniqueness constraint (cypher/schema/neo4j.cypher; a test holds them equal). Neo4j never
// runs it in a bulk write (its store has no bulk directory).
CREATE CONSTRAINT statistic_key_id IF NOT EXISTS FOR (n:StatisticKey) REQUIRE n.id IS UNIQUE
