// Generated from src/domain/relationships.ts by `npm run generate:cypher`; do not edit.
// Loads the set-aside IN_SECTOR claims from a Plant to a Sector into the new table, in bulk.
COPY IN_SECTOR FROM (
  MATCH (a:PlantSetAside)-[r:IN_SECTOR_SET_ASIDE]->(b:SectorSetAside)
  RETURN a.id, b.id, r.source, r.asOf, r.role, r.since, r.until, r.note
) (from='Plant', to='Sector')
