// Bulk-loads statistic keys new to the store staged in copy-statistic-keys.csv (src/import/staging.ts):
// the key, U+001F, then its statistics' ids as a list ([a,b]). Neo4j never runs this (its store has
// no bulk directory); it is the same load with LOAD CSV.
LOAD CSV FROM 'file:///copy-statistic-keys.csv' AS f FIELDTERMINATOR '\u001f'
CREATE (:StatisticKey {id: f[0], statistics: split(substring(f[1], 1, size(f[1]) - 2), ',')})
