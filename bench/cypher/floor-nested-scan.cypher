// Floor for `nested`, one pass: association → members → their statistics of a metric in a
// period → each figure's destination and source, from one pass over the statistics (see
// floor-ranking-scan). Members without a figure in the period give no row (the API lists them
// with no statistics). The faster of this and floor-nested-walk is the floor.
MATCH (member:Company)-[:MEMBER_OF]->(:Association {id: $id})
WITH collect(DISTINCT member.id) AS members
MATCH (s:Statistic)
WHERE s.metric = $metric AND s.period = $period AND s.subjectId IN members
MATCH (m:Company) WHERE m.id = s.subjectId
MATCH (src:Source) WHERE src.id = s.sourceId
OPTIONAL MATCH (d:Country|Region) WHERE d.id = s.destinationId
RETURN m.name AS member, s.value AS value, d.id AS destination, d.name AS destinationName, src.title AS source
ORDER BY member
