// Floor for `time series`: one subject's statistics of one metric within a period, in order.
MATCH (x:Company|Plant|Association|Country|Region|Sector|Policy {id: $subject})<-[:MEASURES]-(s:Statistic)-[:STATED_IN]->(src:Source)
WHERE s.metric = $metric AND s.periodStart >= date($from) AND s.periodEnd <= date($to)
RETURN s.period AS period, s.value AS value, s.unit AS unit, s.destinationId AS destination, src.title AS source
ORDER BY s.periodStart, s.id
LIMIT 200
