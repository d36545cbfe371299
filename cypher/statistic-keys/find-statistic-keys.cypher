// Statistic keys by id, with the ids of the statistics each lists (unknown keys give no row).
// Looked up one by one through the primary key (see statistics-by-keys).
UNWIND $keys AS key
MATCH (k:StatisticKey {id: key})
RETURN k.id AS key, k.statistics AS ids
