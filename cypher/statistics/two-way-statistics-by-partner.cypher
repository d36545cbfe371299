// Two-way figures (trade between two places) stored from the other side: statistics whose
// destination is one of the partners asked about, for the given two-way metrics. A trade value
// stored as MX -> US answers a question about US's trade too (the API says from which side).
// Matched from the partners, as statistics-by-subjects is from the subjects.
MATCH (x:Country|Region)
WHERE x.id IN $partnerIds
MATCH (s:Statistic)-[:DESTINATION]->(x)
WITH x, s
WHERE s.metric IN $metrics
  AND s.periodStart >= date($periodFrom)
  AND s.periodEnd <= date($periodTo)
  AND ($other = '' OR s.subjectId = $other)
RETURN x.id AS partnerId, s AS statistic
ORDER BY partnerId, s.periodStart, s.id
