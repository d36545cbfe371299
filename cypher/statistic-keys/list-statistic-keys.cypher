// One page of statistic keys in id order, after the cursor ($after = '' for the first page): for
// the consistency check and for an import that compares its keys with the stored ones.
MATCH (k:StatisticKey)
WHERE k.id > $after
RETURN k.id AS key, k.statistics AS ids
ORDER BY k.id
LIMIT $limit
