// Generated from src/domain/relationships.ts by `npm run generate:cypher`; do not edit.
// Statistics listed by the statistic keys given (subjectId|metric|periodStart|periodEnd), whatever
// their subjects' kinds, each with its source and destination nodes, unfiltered (src/queries/
// statistics.ts filters them). Every step is a lookup by primary key: the key, then each statistic
// it lists. The keys are unwound (a list matched with IN makes the embedded engine scan every key).
UNWIND $keys AS key
MATCH (k:StatisticKey {id: key})
UNWIND k.statistics AS id
MATCH (t:Statistic {id: id})
OPTIONAL MATCH (e0:Source {id: t.sourceId})
OPTIONAL MATCH (e1:Country {id: t.destinationId})
OPTIONAL MATCH (e2:Region {id: t.destinationId})
RETURN t.subjectId AS subjectId, t AS statistic, e0 AS source, e1 AS destinationCountry, e2 AS destinationRegion
ORDER BY subjectId, t.periodStart, t.id
