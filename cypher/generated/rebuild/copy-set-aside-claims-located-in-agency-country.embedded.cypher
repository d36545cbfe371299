// Generated from src/domain/relationships.ts by `npm run generate:cypher`; do not edit.
// Loads the set-aside LOCATED_IN claims from a Agency to a Country into the new table, in bulk.
COPY LOCATED_IN FROM (
  MATCH (a:AgencySetAside)-[r:LOCATED_IN_SET_ASIDE]->(b:CountrySetAside)
  RETURN a.id, b.id, r.source, r.asOf, r.role, r.since, r.until, r.note
) (from='Agency', to='Country')
