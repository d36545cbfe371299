// Loads the keys set aside by set-aside-statistic-keys back among the statistic keys. Neo4j never
// runs it (its store has no bulk directory); the same step in its model.
MATCH (k:StatisticKeySetAside)
REMOVE k:StatisticKeySetAside
SET k:StatisticKey
