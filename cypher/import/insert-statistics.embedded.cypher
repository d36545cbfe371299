// Appends Statistic nodes known to be new (in neither the store nor earlier in the import) with
// the engine's bulk loader. $statistics packs the rows as text (src/ingest/packed-rows.ts): rows
// separated by U+001E, fields by U+001F, U+001D for null, fields in the order of
// STATISTIC_COLUMNS. One string crosses the driver far faster than a list of maps.
COPY Statistic FROM (
  UNWIND string_split($statistics, '\u001e') AS line
  WITH string_split(line, '\u001f') AS f
  WHERE size(f) = 22
  RETURN f[1], 'Statistic', f[2], f[3], CAST(f[4] AS DOUBLE), f[5], f[6], date(f[7]), date(f[8]), f[9],
         CAST(nullif(f[10], '\u001d') AS DOUBLE), nullif(f[11], '\u001d'), nullif(f[12], '\u001d'), f[13],
         nullif(f[14], '\u001d'), nullif(f[15], '\u001d'), nullif(f[16], '\u001d'), nullif(f[17], '\u001d'), f[18],
         f[19], CAST(f[20] AS DOUBLE), CAST(f[21] AS DOUBLE), f[22]
)
