// Builds every statistic key from the stored statistics (after clear-statistic-keys, which drops the
// keys of statistics no longer stored): one StatisticKey per subject, metric and span of days,
// listing its statistics. The key's text is statisticKey's (src/store/statistic-key-statements.ts):
// subjectId|metric|periodStart|periodEnd.
MATCH (s:Statistic)
WITH s.subjectId + '|' + s.metric + '|' + toString(s.periodStart) + '|' + toString(s.periodEnd) AS key,
     collect(s.id) AS ids
MERGE (k:StatisticKey {id: key})
SET k.statistics = ids
