// Generated from src/domain/relationships.ts by `npm run generate:cypher`; do not edit.
// Statistics measuring each subject, filtered. Empty strings match everything (see
// association-members for why not nulls); the period bounds are always dates. $totalsOnly keeps
// figures that cover all destinations (no destination split); $destination keeps one destination.
// Shaped for the embedded engine's planner, so the work follows the subjects' own statistics,
// not the whole graph: the subjects are matched with IN (after UNWIND it joins every MEASURES
// relationship), and the filters come after WITH (in the MATCH, it scans every statistic first).
MATCH (x:Company|Plant|Association|Country|Region|Sector|Policy)
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
