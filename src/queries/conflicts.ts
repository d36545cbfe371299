import { findConflicts, type Conflict } from '../domain/conflicts.js';
import type { Statistic } from '../domain/statistic.js';
import { listStatement } from '../store/generated-statements.js';
import type { GraphStore } from '../store/graph-store.js';
import { findStatistics, statisticFromNode } from './statistics.js';

export interface ConflictFilter {
  /** Only figures measuring these subjects (all subjects when left out). */
  readonly subjectIds?: readonly string[];
  readonly metric?: string;
}

const PAGE = 5000;

/** Every stored statistic, a page at a time in id order. */
async function allStatistics(store: GraphStore): Promise<Statistic[]> {
  const statistics: Statistic[] = [];
  let after = '';
  for (;;) {
    const rows = await store.read(listStatement('Statistic'), { after, limit: PAGE });
    for (const row of rows) statistics.push(statisticFromNode(row.node));
    if (rows.length < PAGE) return statistics;
    after = rows[rows.length - 1]?.node.id ?? after;
  }
}

/**
 * Every pair of figures from different sources that share subject, metric, unit, period (as a
 * span of days), destination, origin and sector but state different figures (see
 * src/domain/conflicts.ts). The one implementation behind the API's `conflicts`, the CLI's
 * `tradegraph conflicts` and the tests.
 */
export async function findStatisticConflicts(
  store: GraphStore,
  filter: ConflictFilter = {},
): Promise<Conflict[]> {
  const statistics =
    filter.subjectIds === undefined
      ? (await allStatistics(store)).filter((s) => filter.metric === undefined || s.metric === filter.metric)
      : await findStatistics(store, {
          subjectIds: filter.subjectIds,
          ...(filter.metric === undefined ? {} : { metric: filter.metric }),
        });
  return findConflicts(statistics);
}
