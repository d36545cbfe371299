// Generated from src/domain/relationships.ts by `npm run generate:cypher`; do not edit.
// Loads the set-aside DESTINATION links to a Country into the new table, in bulk.
COPY DESTINATION FROM (MATCH (s:StatisticSetAside)-[:DESTINATION_SET_ASIDE]->(t:CountrySetAside) RETURN s.id, t.id)
  (from='Statistic', to='Country')
