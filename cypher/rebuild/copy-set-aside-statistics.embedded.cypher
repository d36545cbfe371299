// Loads the statistics set aside by set-aside-statistics into the new Statistic table, in bulk,
// after the import's new ones (copy-statistics), every column in the table's order.
COPY Statistic FROM (
  MATCH (s:StatisticSetAside)
  RETURN s.id, s.kind, s.name, s.metric, s.value, s.unit, s.period, s.periodStart, s.periodEnd,
         s.granularity, s.changePercent, s.changeComparedTo, s.scope, s.subjectId, s.destinationId,
         s.originId, s.sectorId, s.publishedById, s.sourceId, s.qualifier, s.low, s.high, s.periodBasis
)
