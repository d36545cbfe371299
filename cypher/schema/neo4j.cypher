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
CREATE CONSTRAINT statistic_key_id IF NOT EXISTS FOR (n:StatisticKey) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT meta_key IF NOT EXISTS FOR (n:Meta) REQUIRE n.key IS UNIQUE;
CREATE INDEX statistic_metric_period IF NOT EXISTS FOR (n:Statistic) ON (n.metric, n.periodStart);
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS FOR (n:Company|Plant|Association|Sector|Policy|Country|Region|Person|Agency|Source) ON EACH [n.searchText] OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-folding' } };

// Dated facts carry their sources (src/domain/facts.ts): a node written before holds the old single
// value (opened, founded, startDate, endDate); it becomes a fact without a source (resting on the
// entity's own sources) and the old property is removed. Nodes without it get empty lists.
MATCH (n:Plant) WHERE n.openedValues IS NULL SET n.openedValues = CASE WHEN n.opened IS NULL THEN [] ELSE [n.opened] END, n.openedSources = CASE WHEN n.opened IS NULL THEN [] ELSE [''] END REMOVE n.opened;
MATCH (n:Association) WHERE n.foundedValues IS NULL SET n.foundedValues = CASE WHEN n.founded IS NULL THEN [] ELSE [n.founded] END, n.foundedSources = CASE WHEN n.founded IS NULL THEN [] ELSE [''] END REMOVE n.founded;
MATCH (n:Policy) WHERE n.startDateValues IS NULL SET n.startDateValues = CASE WHEN n.startDate IS NULL THEN [] ELSE [n.startDate] END, n.startDateSources = CASE WHEN n.startDate IS NULL THEN [] ELSE [''] END REMOVE n.startDate;
MATCH (n:Policy) WHERE n.endDateValues IS NULL SET n.endDateValues = CASE WHEN n.endDate IS NULL THEN [] ELSE [n.endDate] END, n.endDateSources = CASE WHEN n.endDate IS NULL THEN [] ELSE [''] END REMOVE n.endDate;
