// Member claims of associations: one row per (association, member, source). A non-empty $asOf
// keeps claims whose date starts with it (a year "2026" or a month "2026-01"); a non-empty
// $sourceId keeps one source's claims. (Empty strings, not nulls, mean "no filter": the embedded
// engine types a parameter once per prepared statement, and `$x IS NULL` would type it BOOL.)
// The associations are matched with IN, not UNWIND, so that only their members are expanded.
MATCH (a:Association)
WHERE a.id IN $associationIds
MATCH (member:Company)-[r:MEMBER_OF]->(a)
WHERE ($asOf = '' OR r.asOf STARTS WITH $asOf)
  AND ($sourceId = '' OR r.source = $sourceId)
RETURN a.id AS associationId, member, r.source AS sourceId, r.asOf AS asOf
ORDER BY associationId, member.name, r.asOf
