// Some one statistic key, or no row when the store holds none (see any-statistic).
MATCH (k:StatisticKey)
RETURN k.id AS id
LIMIT 1
