// Generated from src/domain/relationships.ts by `npm run generate:cypher`; do not edit.
// Statistics measuring each Association, filtered as in statistics-by-subjects (see there for the shape),
// without their source and destination nodes (for a selection that shows neither). The filter
// keeps ids only; the statistics that pass are then read whole through the id index.
MATCH (x:Association)
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
RETURN t.subjectId AS subjectId, t AS statistic
ORDER BY subjectId, t.periodStart, t.id
