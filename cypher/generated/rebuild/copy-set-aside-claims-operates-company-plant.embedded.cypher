// Generated from src/domain/relationships.ts by `npm run generate:cypher`; do not edit.
// Loads the set-aside OPERATES claims from a Company to a Plant into the new table, in bulk.
COPY OPERATES FROM (
  MATCH (a:CompanySetAside)-[r:OPERATES_SET_ASIDE]->(b:PlantSetAside)
  RETURN a.id, b.id, r.source, r.asOf, r.role, r.since, r.until, r.note
) (from='Company', to='Plant')
