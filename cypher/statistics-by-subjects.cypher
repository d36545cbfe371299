// Statistics measuring each subject, filtered. Empty strings match everything (see
// association-members for why not nulls); the period bounds are always dates. $totalsOnly keeps
// figures that cover all destinations (no destination split); $destination keeps one destination.
UNWIND $subjectIds AS subjectId
MATCH (s:Statistic)-[:MEASURES]->(:Company|Plant|Association|Country|Region|Sector|Policy {id: subjectId})
WHERE ($metric = '' OR s.metric = $metric)
  AND s.periodStart >= date($periodFrom)
  AND s.periodEnd <= date($periodTo)
  AND ($destination = '' OR s.destinationId = $destination)
  AND ($totalsOnly = false OR s.destinationId IS NULL)
  AND ($origin = '' OR s.originId = $origin)
  AND ($sector = '' OR s.sectorId = $sector)
RETURN subjectId, s AS statistic
ORDER BY subjectId, s.periodStart, s.id
