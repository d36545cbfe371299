// Creates Statistic nodes known to be new (in neither the store nor earlier in the import).
// $statistics packs the rows as text (src/ingest/packed-rows.ts): rows separated by U+001E,
// fields by U+001F, U+001D for null, fields in the order of STATISTIC_COLUMNS.
UNWIND split($statistics, '\u001e') AS line
WITH split(line, '\u001f') AS f
WHERE size(f) = 22
CREATE (n:Statistic {id: f[0], kind: 'Statistic', name: f[1], metric: f[2], value: toFloat(f[3]), unit: f[4],
  period: f[5], periodStart: date(f[6]), periodEnd: date(f[7]), granularity: f[8],
  changePercent: CASE f[9] WHEN '\u001d' THEN null ELSE toFloat(f[9]) END,
  changeComparedTo: CASE f[10] WHEN '\u001d' THEN null ELSE f[10] END,
  scope: CASE f[11] WHEN '\u001d' THEN null ELSE f[11] END, subjectId: f[12],
  destinationId: CASE f[13] WHEN '\u001d' THEN null ELSE f[13] END,
  originId: CASE f[14] WHEN '\u001d' THEN null ELSE f[14] END,
  sectorId: CASE f[15] WHEN '\u001d' THEN null ELSE f[15] END,
  publishedById: CASE f[16] WHEN '\u001d' THEN null ELSE f[16] END, sourceId: f[17],
  qualifier: f[18], low: toFloat(f[19]), high: toFloat(f[20]), periodBasis: f[21]})
