// Generated from src/domain/relationships.ts by `npm run generate:cypher`; do not edit.
// Loads the set-aside AFFECTS claims from a Policy to a Sector into the new table, in bulk.
COPY AFFECTS FROM (
  MATCH (a:PolicySetAside)-[r:AFFECTS_SET_ASIDE]->(b:SectorSetAside)
  RETURN a.id, b.id, r.source, r.asOf, r.role, r.since, r.until, r.note
) (from='Policy', to='Sector')
