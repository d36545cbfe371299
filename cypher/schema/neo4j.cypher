// Neo4j schema: one uniqueness constraint per label on `id`, a full-text index over names,
// and range indexes for the statistic filters. Statements are separated by semicolons.
CREATE CONSTRAINT company_id IF NOT EXISTS FOR (n:Company) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT plant_id IF NOT EXISTS FOR (n:Plant) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT association_id IF NOT EXISTS FOR (n:Association) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT sector_id IF NOT EXISTS FOR (n:Sector) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT policy_id IF NOT EXISTS FOR (n:Policy) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT country_id IF NOT EXISTS FOR (n:Country) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT region_id IF NOT EXISTS FOR (n:Region) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT person_id IF NOT EXISTS FOR (n:Person) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT agency_id IF NOT EXISTS FOR (n:Agency) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT source_id IF NOT EXISTS FOR (n:Source) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT statistic_id IF NOT EXISTS FOR (n:Statistic) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT meta_key IF NOT EXISTS FOR (n:Meta) REQUIRE n.key IS UNIQUE;
CREATE INDEX statistic_metric_period IF NOT EXISTS FOR (n:Statistic) ON (n.metric, n.periodStart);
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS FOR (n:Company|Plant|Association|Sector|Policy|Country|Region|Person|Agency|Source) ON EACH [n.searchText] OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-folding' } };
