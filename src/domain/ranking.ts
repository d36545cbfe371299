import { coverageOf, interval, statedFigure, type Qualifier, type Statistic } from './statistic.js';

export interface RankingRow {
  readonly rank: number;
  readonly subjectId: string;
  /**
   * The figure ranked, from the statistic listed first in `statistics`: the number its source
   * states (a bound's number; a range's low end). `qualifier` says how precise it is.
   */
  readonly value: number;
  readonly unit: string;
  /** How precisely the ranked figure is stated: a bound is never presented as an exact figure. */
  readonly qualifier: Qualifier;
  /** For a range, its ends; null otherwise. */
  readonly low: number | null;
  readonly high: number | null;
  /** Which destination the figure covers: "to US", or "all destinations" when the source gives no split. */
  readonly coverage: string;
  /** True when the figure is not for the destination asked for (it covers all destinations). */
  readonly broaderThanAsked: boolean;
  /** Every statistic that states a figure for this row, the ranked one first. */
  readonly statistics: readonly Statistic[];
  /** True when sources give different figures for the same scope. */
  readonly sourcesDisagree: boolean;
  /**
   * True when the ranked figure is a bound, a range or an approximation that overlaps a
   * neighbouring row's, so the two could be in the other order.
   */
  readonly rankUncertain: boolean;
  /** What a reader must know about the row's figure (a bound, a range, an approximation), or null. */
  readonly note: string | null;
}

/** Exact figures before approximations, approximations before ranges and bounds. */
const PRECISION: Record<Qualifier, number> = {
  exact: 0,
  approximate: 1,
  range: 2,
  'lower-bound': 3,
  'upper-bound': 3,
};

/** True when two statistics state the same figure the same way (same value, qualifier and ends). */
export function sameFigure(a: Statistic, b: Statistic): boolean {
  return a.value === b.value && a.qualifier === b.qualifier && a.low === b.low && a.high === b.high;
}

/**
 * True when two figures cannot both be right: the intervals they state do not meet (an exact or
 * approximate figure is taken at its value). "More than 56" and "56.1" can both be right.
 */
export function figuresContradict(a: Statistic, b: Statistic): boolean {
  const x = interval(a);
  const y = interval(b);
  return x.high < y.low || y.high < x.low;
}

function noteFor(first: Statistic, rankUncertain: boolean): string | null {
  const figure = `${statedFigure(first)} ${first.unit}`;
  const uncertain = rankUncertain ? ' Its place next to a neighbouring row is not certain.' : '';
  switch (first.qualifier) {
    case 'lower-bound':
      return `${first.subjectId}: ${figure} (a lower bound in ${first.sourceId}), ranked at ${first.value}; the figure may be higher.${uncertain}`;
    case 'upper-bound':
      return `${first.subjectId}: ${figure} (an upper bound in ${first.sourceId}), ranked at ${first.value}; the figure may be lower.${uncertain}`;
    case 'range':
      return `${first.subjectId}: ${figure} (a range in ${first.sourceId}), ranked by its low end.${uncertain}`;
    case 'approximate':
      return `${first.subjectId}: ${figure} (approximate in ${first.sourceId}).${uncertain}`;
    default:
      return rankUncertain ? `${first.subjectId}:${uncertain}` : null;
  }
}

/**
 * Ranks subjects by the statistics of one metric and period. With a destination, a subject's
 * figure for that destination is used when a source states one; otherwise its all-destinations
 * figure is shown, marked `broaderThanAsked`, and never presented as the destination's.
 *
 * Within a subject the most precise figure is ranked (exact, then approximate, then ranges and
 * bounds), ties by source id. Rows sort by the number the source states, largest first: a lower
 * bound at its bound, an upper bound at its bound, a range at its low end. Such a row says so in
 * `qualifier` and `note`, and `rankUncertain` marks rows whose stated interval overlaps a
 * neighbour's, so their order may be the other way round.
 */
export function rankSubjects(statistics: readonly Statistic[], destinationId: string | null): RankingRow[] {
  const bySubject = new Map<string, Statistic[]>();
  for (const statistic of statistics) {
    const list = bySubject.get(statistic.subjectId) ?? [];
    list.push(statistic);
    bySubject.set(statistic.subjectId, list);
  }
  const rows: Omit<RankingRow, 'rank' | 'rankUncertain' | 'note'>[] = [];
  for (const [subjectId, candidates] of bySubject) {
    const exact = candidates.filter((s) => s.destinationId === destinationId);
    const fallback = destinationId === null ? [] : candidates.filter((s) => s.destinationId === null);
    const chosen = (exact.length > 0 ? exact : fallback)
      .slice()
      .sort(
        (a, b) => PRECISION[a.qualifier] - PRECISION[b.qualifier] || a.sourceId.localeCompare(b.sourceId),
      );
    const first = chosen[0];
    if (!first) continue;
    rows.push({
      subjectId,
      value: first.value,
      unit: first.unit,
      qualifier: first.qualifier,
      low: first.low,
      high: first.high,
      coverage: coverageOf(first),
      broaderThanAsked: first.destinationId !== destinationId,
      statistics: chosen,
      sourcesDisagree: chosen.some((s) => !sameFigure(s, first)),
    });
  }
  rows.sort((a, b) => b.value - a.value || a.subjectId.localeCompare(b.subjectId));
  const ranked = rows.map((row) => ({ ...row, interval: interval(row) }));
  return ranked.map(({ interval: own, ...row }, index) => {
    const above = ranked[index - 1];
    const below = ranked[index + 1];
    const pointsOnly = (other: typeof above): boolean =>
      other === undefined || (other.qualifier === 'exact' && row.qualifier === 'exact');
    const rankUncertain =
      (!pointsOnly(above) && above !== undefined && above.interval.low < own.high) ||
      (!pointsOnly(below) && below !== undefined && own.low < below.interval.high);
    const first = row.statistics[0] as Statistic;
    return { rank: index + 1, ...row, rankUncertain, note: noteFor(first, rankUncertain) };
  });
}
