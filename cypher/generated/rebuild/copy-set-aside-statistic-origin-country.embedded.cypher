// Generated from src/domain/relationships.ts by `npm run generate:cypher`; do not edit.
// Loads the set-aside ORIGIN links to a Country into the new table, in bulk.
COPY ORIGIN FROM (MATCH (s:StatisticSetAside)-[:ORIGIN_SET_ASIDE]->(t:CountrySetAside) RETURN s.id, t.id)
  (from='Statistic', to='Country')
