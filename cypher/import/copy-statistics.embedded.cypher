// Bulk-loads new statistics (in neither the store nor earlier in the import) staged in
// copy-statistics.csv in the store's bulk directory (src/ingest/staging.ts): one row per line in
// the columns of the Statistic table, separated by U+001F, empty for null.
COPY Statistic FROM 'copy-statistics.csv' (header=false, delim='\u001f', quote='\u001c', escape='\u001c')
