// Generated from src/domain/relationships.ts by `npm run generate:cypher`; do not edit.
// Loads the set-aside WORKS_FOR claims from a Person to a Country into the new table, in bulk.
COPY WORKS_FOR FROM (
  MATCH (a:PersonSetAside)-[r:WORKS_FOR_SET_ASIDE]->(b:CountrySetAside)
  RETURN a.id, b.id, r.source, r.asOf, r.role, r.since, r.until, r.note
) (from='Person', to='Country')
