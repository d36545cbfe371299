// Bulk-loads statistic keys new to the store, staged in copy-statistic-keys.csv in the store's bulk
// directory (src/import/staging.ts): the key, U+001F, then its statistics' ids as a list ([a,b]).
COPY StatisticKey FROM 'copy-statistic-keys.csv' (header=false, delim='\u001f', quote='\u001c', escape='\u001c')
