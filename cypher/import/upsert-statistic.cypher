// Creates or updates Statistic nodes. The *Id fields mirror the statistic's links for filtering.
// low and high are never null (a figure that is no range has both at its value), so every batch
// types them as numbers; the API shows them for ranges only.
// The reported change is set by set-statistic-change, for the rows that have one: a batch where
// every change is null would give the embedded engine no number to type the field by.
UNWIND $rows AS row
MERGE (n:Statistic {id: row.id})
SET n.kind = 'Statistic', n.name = row.name, n.metric = row.metric, n.value = row.value, n.unit = row.unit,
    n.period = row.period, n.periodStart = date(row.periodStart), n.periodEnd = date(row.periodEnd),
    n.granularity = row.granularity, n.changePercent = NULL, n.changeComparedTo = NULL, n.scope = row.scope,
    n.subjectId = row.subjectId, n.destinationId = row.destinationId, n.originId = row.originId,
    n.sectorId = row.sectorId, n.publishedById = row.publishedById, n.sourceId = row.sourceId,
    n.qualifier = row.qualifier, n.low = row.low, n.high = row.high, n.periodBasis = row.periodBasis
