// Generated from src/domain/relationships.ts by `npm run generate:cypher`; do not edit.
// Loads the set-aside DESTINATION links to a Region into the new table, in bulk.
COPY DESTINATION FROM (MATCH (s:StatisticSetAside)-[:DESTINATION_SET_ASIDE]->(t:RegionSetAside) RETURN s.id, t.id)
  (from='Statistic', to='Region')
