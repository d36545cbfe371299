// Floor for `nested`, walking: association → members → along MEASURES to their statistics of a
// metric in a period (filtered after the walk) → each figure's destination and source. The faster
// of this and floor-nested-scan is the floor.
MATCH (:Association {id: $id})<-[:MEMBER_OF]-(m:Company)
WITH DISTINCT m
MATCH (m)<-[:MEASURES]-(s:Statistic)
WITH m, s
WHERE s.metric = $metric AND s.period = $period
MATCH (src:Source) WHERE src.id = s.sourceId
OPTIONAL MATCH (d:Country|Region) WHERE d.id = s.destinationId
RETURN m.name AS member, s.value AS value, d.id AS destination, d.name AS destinationName, src.title AS source
ORDER BY member
