// Generated from src/domain/relationships.ts by `npm run generate:cypher`; do not edit.
// Loads the set-aside SUBSIDIARY_OF claims from a Company to a Company into the new table, in bulk.
COPY SUBSIDIARY_OF FROM (
  MATCH (a:CompanySetAside)-[r:SUBSIDIARY_OF_SET_ASIDE]->(b:CompanySetAside)
  RETURN a.id, b.id, r.source, r.asOf, r.role, r.since, r.until, r.note
) (from='Company', to='Company')
