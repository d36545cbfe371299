// Generated from src/domain/relationships.ts by `npm run generate:cypher`; do not edit.
// Statistics of one metric and span of days measuring each Company, through the statistic keys
// (subjectId|metric|periodStart|periodEnd: the id, then $keySuffix), without their source and
// destination nodes, unfiltered (src/queries/statistics.ts filters them). Past the subjects, every
// step is a lookup by primary key: no statistic is read that the key does not list. The subjects
// are unwound and found by primary key too (matched with IN, the embedded engine scans the kind's
// table and tests each node against the whole list: 10 ms for 153 of 20,000 companies).
UNWIND $subjectIds AS subjectId
MATCH (x:Company {id: subjectId})
WITH x.id + $keySuffix AS key
MATCH (k:StatisticKey {id: key})
UNWIND k.statistics AS id
MATCH (t:Statistic {id: id})
RETURN t.subjectId AS subjectId, t AS statistic
ORDER BY subjectId, t.periodStart, t.id
