// Removes statistic keys that no longer list any statistic.
UNWIND $keys AS key
MATCH (k:StatisticKey {id: key})
DELETE k
