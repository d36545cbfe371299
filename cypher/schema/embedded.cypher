// Embedded (Ladybug/Kuzu) schema. Each node kind is a table; every relationship claim carries its source.
// Statements are separated by semicolons and run once, in order, when a store opens.
CREATE NODE TABLE IF NOT EXISTS Company(id STRING PRIMARY KEY, kind STRING, name STRING, aliases STRING[], description STRING, wikidata STRING, sources STRING[], searchText STRING, companyType STRING);
CREATE NODE TABLE IF NOT EXISTS Plant(id STRING PRIMARY KEY, kind STRING, name STRING, aliases STRING[], description STRING, wikidata STRING, sources STRING[], searchText STRING, facilityType STRING, opened STRING, products STRING[], openedValues STRING[], openedSources STRING[]);
CREATE NODE TABLE IF NOT EXISTS Association(id STRING PRIMARY KEY, kind STRING, name STRING, aliases STRING[], description STRING, wikidata STRING, sources STRING[], searchText STRING, nameEs STRING, nameEn STRING, founded STRING, foundedValues STRING[], foundedSources STRING[]);
CREATE NODE TABLE IF NOT EXISTS Sector(id STRING PRIMARY KEY, kind STRING, name STRING, aliases STRING[], description STRING, wikidata STRING, sources STRING[], searchText STRING, hsCodes STRING[], naicsCodes STRING[]);
CREATE NODE TABLE IF NOT EXISTS Policy(id STRING PRIMARY KEY, kind STRING, name STRING, aliases STRING[], description STRING, wikidata STRING, sources STRING[], searchText STRING, policyType STRING, startDate STRING, endDate STRING, startDateValues STRING[], startDateSources STRING[], endDateValues STRING[], endDateSources STRING[]);
CREATE NODE TABLE IF NOT EXISTS Country(id STRING PRIMARY KEY, kind STRING, name STRING, aliases STRING[], description STRING, wikidata STRING, sources STRING[], searchText STRING);
CREATE NODE TABLE IF NOT EXISTS Region(id STRING PRIMARY KEY, kind STRING, name STRING, aliases STRING[], description STRING, wikidata STRING, sources STRING[], searchText STRING, regionType STRING);
CREATE NODE TABLE IF NOT EXISTS Person(id STRING PRIMARY KEY, kind STRING, name STRING, aliases STRING[], description STRING, wikidata STRING, sources STRING[], searchText STRING);
CREATE NODE TABLE IF NOT EXISTS Agency(id STRING PRIMARY KEY, kind STRING, name STRING, aliases STRING[], description STRING, wikidata STRING, sources STRING[], searchText STRING);
CREATE NODE TABLE IF NOT EXISTS Source(id STRING PRIMARY KEY, kind STRING, name STRING, title STRING, publisher STRING, published STRING, url STRING, language STRING, description STRING, searchText STRING);
CREATE NODE TABLE IF NOT EXISTS Statistic(id STRING PRIMARY KEY, kind STRING, name STRING, metric STRING, value DOUBLE, unit STRING, period STRING, periodStart DATE, periodEnd DATE, granularity STRING, changePercent DOUBLE, changeComparedTo STRING, scope STRING, subjectId STRING, destinationId STRING, originId STRING, sectorId STRING, publishedById STRING, sourceId STRING, qualifier STRING, low DOUBLE, high DOUBLE, periodBasis STRING);
// Databases made before statistics carried qualifiers get the columns, read as exact and stated.
ALTER TABLE Statistic ADD IF NOT EXISTS qualifier STRING DEFAULT 'exact';
ALTER TABLE Statistic ADD IF NOT EXISTS low DOUBLE;
ALTER TABLE Statistic ADD IF NOT EXISTS high DOUBLE;
ALTER TABLE Statistic ADD IF NOT EXISTS periodBasis STRING DEFAULT 'stated';
// Dated facts carry their sources (src/domain/facts.ts): each field's values and sources are two
// parallel lists. A database made before keeps the old single-value column (opened, founded,
// startDate, endDate), which nothing writes any more: its value moves into the lists as a fact
// without a source (it rests on the entity's own sources), and the column is left null.
ALTER TABLE Plant ADD IF NOT EXISTS openedValues STRING[] DEFAULT [];
ALTER TABLE Plant ADD IF NOT EXISTS openedSources STRING[] DEFAULT [];
ALTER TABLE Association ADD IF NOT EXISTS foundedValues STRING[] DEFAULT [];
ALTER TABLE Association ADD IF NOT EXISTS foundedSources STRING[] DEFAULT [];
ALTER TABLE Policy ADD IF NOT EXISTS startDateValues STRING[] DEFAULT [];
ALTER TABLE Policy ADD IF NOT EXISTS startDateSources STRING[] DEFAULT [];
ALTER TABLE Policy ADD IF NOT EXISTS endDateValues STRING[] DEFAULT [];
ALTER TABLE Policy ADD IF NOT EXISTS endDateSources STRING[] DEFAULT [];
MATCH (n:Plant) WHERE n.opened IS NOT NULL SET n.openedValues = [n.opened], n.openedSources = [''], n.opened = NULL;
MATCH (n:Association) WHERE n.founded IS NOT NULL SET n.foundedValues = [n.founded], n.foundedSources = [''], n.founded = NULL;
MATCH (n:Policy) WHERE n.startDate IS NOT NULL SET n.startDateValues = [n.startDate], n.startDateSources = [''], n.startDate = NULL;
MATCH (n:Policy) WHERE n.endDate IS NOT NULL SET n.endDateValues = [n.endDate], n.endDateSources = [''], n.endDate = NULL;
// One key per subject, metric and span of days (subjectId|metric|periodStart|periodEnd), listing the
// ids of its statistics: the engine indexes primary keys only (src/store/statistic-key-statements.ts).
CREATE NODE TABLE IF NOT EXISTS StatisticKey(id STRING PRIMARY KEY, statistics STRING[]);
CREATE NODE TABLE IF NOT EXISTS Meta(key STRING PRIMARY KEY, value STRING);
CREATE REL TABLE IF NOT EXISTS MEMBER_OF(FROM Company TO Association, source STRING, asOf STRING, role STRING, since STRING, until STRING, note STRING);
CREATE REL TABLE IF NOT EXISTS SUBSIDIARY_OF(FROM Company TO Company, source STRING, asOf STRING, role STRING, since STRING, until STRING, note STRING);
CREATE REL TABLE IF NOT EXISTS OPERATES(FROM Company TO Plant, source STRING, asOf STRING, role STRING, since STRING, until STRING, note STRING);
CREATE REL TABLE IF NOT EXISTS LOCATED_IN(FROM Plant TO Region, FROM Plant TO Country, FROM Company TO Region, FROM Company TO Country, FROM Association TO Region, FROM Association TO Country, FROM Agency TO Region, FROM Agency TO Country, FROM Region TO Region, FROM Region TO Country, source STRING, asOf STRING, role STRING, since STRING, until STRING, note STRING);
CREATE REL TABLE IF NOT EXISTS HEADQUARTERED_IN(FROM Company TO Country, FROM Company TO Region, FROM Association TO Country, FROM Association TO Region, FROM Agency TO Country, FROM Agency TO Region, source STRING, asOf STRING, role STRING, since STRING, until STRING, note STRING);
CREATE REL TABLE IF NOT EXISTS IN_SECTOR(FROM Company TO Sector, FROM Plant TO Sector, FROM Association TO Sector, source STRING, asOf STRING, role STRING, since STRING, until STRING, note STRING);
CREATE REL TABLE IF NOT EXISTS SUBSECTOR_OF(FROM Sector TO Sector, source STRING, asOf STRING, role STRING, since STRING, until STRING, note STRING);
CREATE REL TABLE IF NOT EXISTS PARTY_TO(FROM Country TO Policy, source STRING, asOf STRING, role STRING, since STRING, until STRING, note STRING);
CREATE REL TABLE IF NOT EXISTS PART_OF(FROM Policy TO Policy, source STRING, asOf STRING, role STRING, since STRING, until STRING, note STRING);
CREATE REL TABLE IF NOT EXISTS AFFECTS(FROM Policy TO Sector, FROM Policy TO Company, FROM Policy TO Country, source STRING, asOf STRING, role STRING, since STRING, until STRING, note STRING);
CREATE REL TABLE IF NOT EXISTS WORKS_FOR(FROM Person TO Company, FROM Person TO Association, FROM Person TO Agency, FROM Person TO Country, source STRING, asOf STRING, role STRING, since STRING, until STRING, note STRING);
CREATE REL TABLE IF NOT EXISTS MEASURES(FROM Statistic TO Company, FROM Statistic TO Plant, FROM Statistic TO Association, FROM Statistic TO Country, FROM Statistic TO Region, FROM Statistic TO Sector, FROM Statistic TO Policy);
CREATE REL TABLE IF NOT EXISTS DESTINATION(FROM Statistic TO Country, FROM Statistic TO Region);
CREATE REL TABLE IF NOT EXISTS ORIGIN(FROM Statistic TO Country, FROM Statistic TO Region);
CREATE REL TABLE IF NOT EXISTS FOR_SECTOR(FROM Statistic TO Sector);
CREATE REL TABLE IF NOT EXISTS PUBLISHED_BY(FROM Statistic TO Agency, FROM Statistic TO Association);
CREATE REL TABLE IF NOT EXISTS STATED_IN(FROM Statistic TO Source);
