// Generated from src/domain/relationships.ts by `npm run generate:cypher`; do not edit.
// Statistics measuring each Association, filtered as in statistics-by-subjects (see there for the shape).
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
RETURN x.id AS subjectId, s AS statistic
ORDER BY subjectId, s.periodStart, s.id
