// Generated from src/domain/relationships.ts by `npm run generate:cypher`; do not edit.
// Loads the set-aside PUBLISHED_BY links to a Agency into the new table, in bulk.
COPY PUBLISHED_BY FROM (MATCH (s:StatisticSetAside)-[:PUBLISHED_BY_SET_ASIDE]->(t:AgencySetAside) RETURN s.id, t.id)
  (from='Statistic', to='Agency')
