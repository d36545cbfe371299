// Floor for `ranking`, walking: from the association to its members and along MEASURES to their
// statistics, filtered after the walk (a WITH keeps the engine from scanning every statistic
// first), with names and sources. The faster of this and floor-ranking-scan is the floor.
MATCH (:Association {id: $association})<-[:MEMBER_OF]-(m:Company)
WITH DISTINCT m
MATCH (m)<-[:MEASURES]-(s:Statistic)
WITH m, s
WHERE s.metric = $metric AND s.period = $period
  AND (s.destinationId = $destination OR s.destinationId IS NULL)
MATCH (src:Source) WHERE src.id = s.sourceId
RETURN m.id AS subject, m.name AS name, s.id AS statistic, s.value AS value, s.unit AS unit,
  s.destinationId AS destination, src.title AS title, src.publisher AS publisher
ORDER BY value DESC, subject
