// Generated from src/domain/relationships.ts by `npm run generate:cypher`; do not edit.
// Loads the set-aside MEMBER_OF claims from a Company to a Association into the new table, in bulk.
COPY MEMBER_OF FROM (
  MATCH (a:CompanySetAside)-[r:MEMBER_OF_SET_ASIDE]->(b:AssociationSetAside)
  RETURN a.id, b.id, r.source, r.asOf, r.role, r.since, r.until, r.note
) (from='Company', to='Association')
