// Generated from src/domain/relationships.ts by `npm run generate:cypher`; do not edit.
// Statistics measuring each Company, filtered as in statistics-by-subjects (see there for the shape),
// each with its source and destination nodes (null when the statistic names none). The filter
// keeps ids only; the statistics that pass are then read whole through the id index.
MATCH (x:Company)
WHERE x.id IN $subjectIds
MATCH (s:Statistic)-[:MEASURES]->(x)
WITH x, s
WHERE ($metric = '' OR s.metric = $metric)
  AND s.periodStart >= date($periodFrom)
  AND s.periodEnd <= date($periodTo)
  AND ($destination = '' OR s.destinationId = $destination)
  AND ($totalsOnly = false OR s.destinationId IS NULL)
  AND ($origin = '' OR s.originId = $origin)
  AND ($sector = '' OR s.sectorId = $sector)
WITH collect(s.id) AS ids
UNWIND ids AS id
MATCH (t:Statistic {id: id})
OPTIONAL MATCH (e0:Source {id: t.sourceId})
OPTIONAL MATCH (e1:Country {id: t.destinationId})
OPTIONAL MATCH (e2:Region {id: t.destinationId})
RETURN t.subjectId AS subjectId, t AS statistic, e0 AS source, e1 AS destinationCountry, e2 AS destinationRegion
ORDER BY subjectId, t.periodStart, t.id
