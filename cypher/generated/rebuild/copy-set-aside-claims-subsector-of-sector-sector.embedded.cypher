// Generated from src/domain/relationships.ts by `npm run generate:cypher`; do not edit.
// Loads the set-aside SUBSECTOR_OF claims from a Sector to a Sector into the new table, in bulk.
COPY SUBSECTOR_OF FROM (
  MATCH (a:SectorSetAside)-[r:SUBSECTOR_OF_SET_ASIDE]->(b:SectorSetAside)
  RETURN a.id, b.id, r.source, r.asOf, r.role, r.since, r.until, r.note
) (from='Sector', to='Sector')
