// How many statistic keys the store holds: an import compares its new keys with it to decide
// whether to build the key table again (src/import/staging.ts).
MATCH (k:StatisticKey)
RETURN count(k) AS keys
