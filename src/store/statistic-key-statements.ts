import { readStatement, writeStatement, type StatementInfo } from './statements.js';

/**
 * Statistic keys: the engine indexes only primary keys, so a statistic is found by subject, metric
 * and period through a node whose primary key says exactly that. One `StatisticKey` per subject,
 * metric and span of days (`subjectId|metric|periodStart|periodEnd`) lists the ids of the
 * statistics with those fields; reading a ranking's figures is then a lookup of each subject's key
 * and of each statistic it lists (statistics-by-keys, statistics-of-<kind>-by-key), never a walk
 * over everything the subjects measure. Every write of statistics keeps the keys (see
 * statistic-keys.ts); a store made before them gets them when it opens.
 */

/** The key of a subject's statistics of one metric over one span of days (ISO dates). */
export function statisticKey(
  subjectId: string,
  metric: string,
  periodStart: string,
  periodEnd: string,
): string {
  return `${subjectId}${keySuffix(metric, periodStart, periodEnd)}`;
}

/** What follows the subject's id in a key (the per-kind statements build the key from the subject). */
export function keySuffix(metric: string, periodStart: string, periodEnd: string): string {
  return `|${metric}|${periodStart}|${periodEnd}`;
}

export type StatisticKeyRow = { key: string; ids: string[] };

/** Stored keys by id, with the statistics each lists (unknown keys give no row). */
export const findStatisticKeys = readStatement<{ keys: string[] }, StatisticKeyRow>(
  'find-statistic-keys',
  ['keys'],
  { key: true, ids: true },
);

/** One page of keys in id order ($after = '' for the first). */
export const listStatisticKeys = readStatement<{ after: string; limit: number }, StatisticKeyRow>(
  'list-statistic-keys',
  ['after', 'limit'],
  { key: true, ids: true },
);

/** Any one statistic and any one key (no row when there is none): whether keys must be built, without sorting. */
export const anyStatistic = readStatement<Record<string, never>, { id: string }>('any-statistic', [], {
  id: true,
});
export const anyStatisticKey = readStatement<Record<string, never>, { id: string }>('any-statistic-key', [], {
  id: true,
});

/** Creates keys or replaces the statistics each lists (one row per key). */
export const setStatisticKeys = writeStatement<{ rows: StatisticKeyRow[] }>('set-statistic-keys', ['rows']);

export const deleteStatisticKeys = writeStatement<{ keys: string[] }>('delete-statistic-keys', ['keys']);

/** Removes every key; build-statistic-keys then makes them all from the stored statistics. */
export const clearStatisticKeys = writeStatement<Record<string, never>>('clear-statistic-keys', []);
export const buildStatisticKeys = writeStatement<Record<string, never>>('build-statistic-keys', []);

/** Bulk-loads the keys new to the store staged in copy-statistic-keys.csv (src/import/staging.ts). */
export const copyStatisticKeys = writeStatement<Record<string, never>>('copy-statistic-keys', []);

/** How many keys the store holds. */
export const countStatisticKeys = readStatement<Record<string, never>, { keys: number }>(
  'count-statistic-keys',
  [],
  { keys: true },
);

export const STATISTIC_KEY_STATEMENTS: readonly StatementInfo[] = [
  countStatisticKeys,
  findStatisticKeys,
  listStatisticKeys,
  anyStatistic,
  anyStatisticKey,
  setStatisticKeys,
  deleteStatisticKeys,
  clearStatisticKeys,
  buildStatisticKeys,
  copyStatisticKeys,
];
