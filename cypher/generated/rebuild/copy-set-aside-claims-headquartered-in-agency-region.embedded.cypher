// Generated from src/domain/relationships.ts by `npm run generate:cypher`; do not edit.
// Loads the set-aside HEADQUARTERED_IN claims from a Agency to a Region into the new table, in bulk.
COPY HEADQUARTERED_IN FROM (
  MATCH (a:AgencySetAside)-[r:HEADQUARTERED_IN_SET_ASIDE]->(b:RegionSetAside)
  RETURN a.id, b.id, r.source, r.asOf, r.role, r.since, r.until, r.note
) (from='Agency', to='Region')
