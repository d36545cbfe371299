// Generated from src/domain/relationships.ts by `npm run generate:cypher`; do not edit.
// Loads the set-aside PART_OF claims from a Policy to a Policy into the new table, in bulk.
COPY PART_OF FROM (
  MATCH (a:PolicySetAside)-[r:PART_OF_SET_ASIDE]->(b:PolicySetAside)
  RETURN a.id, b.id, r.source, r.asOf, r.role, r.since, r.until, r.note
) (from='Policy', to='Policy')
