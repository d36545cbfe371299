// Bulk-loads new statistics staged in copy-statistics.csv (src/ingest/staging.ts): one row per
// line in the columns of the Statistic table, separated by U+001F, empty for null. Neo4j never
// runs this (its store has no bulk directory); it is the same load with LOAD CSV, which would read
// the file from the server's import directory.
LOAD CSV FROM 'file:///copy-statistics.csv' AS f FIELDTERMINATOR '\u001f'
CREATE (n:Statistic {id: f[0], kind: f[1], name: f[2], metric: f[3], value: toFloat(f[4]), unit: f[5], period: f[6],
  periodStart: date(f[7]), periodEnd: date(f[8]), granularity: f[9], changePercent: toFloat(f[10]),
  changeComparedTo: f[11], scope: f[12], subjectId: f[13], destinationId: f[14], originId: f[15], sectorId: f[16],
  publishedById: f[17], sourceId: f[18], qualifier: f[19], low: toFloat(f[20]), high: toFloat(f[21]),
  periodBasis: f[22]})
