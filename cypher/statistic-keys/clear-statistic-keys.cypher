// Removes every statistic key (before build-statistic-keys rebuilds them all).
MATCH (k:StatisticKey)
DELETE k
