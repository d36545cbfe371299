// Generated from src/domain/relationships.ts by `npm run generate:cypher`; do not edit.
// Loads the set-aside FOR_SECTOR links to a Sector into the new table, in bulk.
COPY FOR_SECTOR FROM (MATCH (s:StatisticSetAside)-[:FOR_SECTOR_SET_ASIDE]->(t:SectorSetAside) RETURN s.id, t.id)
  (from='Statistic', to='Sector')
