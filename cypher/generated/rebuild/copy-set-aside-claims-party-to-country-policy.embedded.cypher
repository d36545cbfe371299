// Generated from src/domain/relationships.ts by `npm run generate:cypher`; do not edit.
// Loads the set-aside PARTY_TO claims from a Country to a Policy into the new table, in bulk.
COPY PARTY_TO FROM (
  MATCH (a:CountrySetAside)-[r:PARTY_TO_SET_ASIDE]->(b:PolicySetAside)
  RETURN a.id, b.id, r.source, r.asOf, r.role, r.since, r.until, r.note
) (from='Country', to='Policy')
