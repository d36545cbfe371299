// Generated from src/domain/relationships.ts by `npm run generate:cypher`; do not edit.
// Loads the set-aside MEASURES links to a Association into the new table, in bulk.
COPY MEASURES FROM (MATCH (s:StatisticSetAside)-[:MEASURES_SET_ASIDE]->(t:AssociationSetAside) RETURN s.id, t.id)
  (from='Statistic', to='Association')
