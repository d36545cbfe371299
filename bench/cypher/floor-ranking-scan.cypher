// Floor for `ranking`, one pass: each member's exports in the period, to the destination or to
// all destinations, with its name and source, from one pass over the statistics (they carry their
// subject's and source's ids; the engine has no secondary index, so this reads every statistic).
// The context figures are left out: the generated data gives no origins, so the API's context is
// empty there too. The faster of this and floor-ranking-walk is the floor.
MATCH (member:Company)-[:MEMBER_OF]->(:Association {id: $association})
WITH collect(DISTINCT member.id) AS members
MATCH (s:Statistic)
WHERE s.metric = $metric AND s.period = $period
  AND (s.destinationId = $destination OR s.destinationId IS NULL)
  AND s.subjectId IN members
MATCH (m:Company) WHERE m.id = s.subjectId
MATCH (src:Source) WHERE src.id = s.sourceId
RETURN m.id AS subject, m.name AS name, s.id AS statistic, s.value AS value, s.unit AS unit,
  s.destinationId AS destination, src.title AS title, src.publisher AS publisher
ORDER BY value DESC, subject
