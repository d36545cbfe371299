// Generated from src/domain/relationships.ts by `npm run generate:cypher`; do not edit.
// Loads the set-aside STATED_IN links to a Source into the new table, in bulk.
COPY STATED_IN FROM (MATCH (s:StatisticSetAside)-[:STATED_IN_SET_ASIDE]->(t:SourceSetAside) RETURN s.id, t.id)
  (from='Statistic', to='Source')
