// Creates statistic keys or replaces the list of statistics each holds (src/store/statistic-keys.ts
// works out the lists; one row per key).
UNWIND $rows AS row
MERGE (k:StatisticKey {id: row.key})
SET k.statistics = row.ids
