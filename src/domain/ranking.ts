import { coverageOf, type Statistic } from './statistic.js';

export interface RankingRow {
  readonly rank: number;
  readonly subjectId: string;
  /** The figure ranked: from the statistic listed first in `statistics`. */
  readonly value: number;
  readonly unit: string;
  /** Which destination the figure covers: "to US", or "all destinations" when the source gives no split. */
  readonly coverage: string;
  /** True when the figure is not for the destination asked for (it covers all destinations). */
  readonly broaderThanAsked: boolean;
  /** Every statistic that states a figure for this row, the ranked one first. */
  readonly statistics: readonly Statistic[];
  /** True when sources give different figures for the same scope. */
  readonly sourcesDisagree: boolean;
}

/**
 * Ranks subjects by the statistics of one metric and period. With a destination, a subject's
 * figure for that destination is used when a source states one; otherwise its all-destinations
 * figure is shown, marked `broaderThanAsked`, and never presented as the destination's.
 */
export function rankSubjects(statistics: readonly Statistic[], destinationId: string | null): RankingRow[] {
  const bySubject = new Map<string, Statistic[]>();
  for (const statistic of statistics) {
    const list = bySubject.get(statistic.subjectId) ?? [];
    list.push(statistic);
    bySubject.set(statistic.subjectId, list);
  }
  const rows: Omit<RankingRow, 'rank'>[] = [];
  for (const [subjectId, candidates] of bySubject) {
    const exact = candidates.filter((s) => s.destinationId === destinationId);
    const fallback = destinationId === null ? [] : candidates.filter((s) => s.destinationId === null);
    const chosen = (exact.length > 0 ? exact : fallback)
      .slice()
      .sort((a, b) => a.sourceId.localeCompare(b.sourceId));
    const first = chosen[0];
    if (!first) continue;
    rows.push({
      subjectId,
      value: first.value,
      unit: first.unit,
      coverage: coverageOf(first),
      broaderThanAsked: first.destinationId !== destinationId,
      statistics: chosen,
      sourcesDisagree: chosen.some((s) => s.value !== first.value),
    });
  }
  rows.sort((a, b) => b.value - a.value || a.subjectId.localeCompare(b.subjectId));
  return rows.map((row, index) => ({ rank: index + 1, ...row }));
}
