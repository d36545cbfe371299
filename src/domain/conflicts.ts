import { figuresContradict, sameFigure } from './ranking.js';
import type { Statistic } from './statistic.js';

/** Two figures from different sources for the same subject, metric, period and scope that differ. */
export interface Conflict {
  /** The pair, ordered by source id then statistic id. */
  readonly a: Statistic;
  readonly b: Statistic;
  /**
   * `contradiction`: both cannot be right (their stated intervals do not meet: 15.6 and 15.5);
   * `precision`: both can be right, stated differently ("more than 56" and 56.1).
   */
  readonly kind: 'contradiction' | 'precision';
  /** Difference of the stated values, b minus a, in the unit. */
  readonly difference: number;
}

/**
 * The scope two figures must share to be compared: subject, metric, unit, the span of days the
 * period covers (so `2025-Q1` and `2025-01/2025-03` are one period), destination, origin, sector.
 */
export function scopeKey(s: Statistic): string {
  return [
    s.subjectId,
    s.metric,
    s.unit,
    s.periodStart,
    s.periodEnd,
    s.destinationId,
    s.originId,
    s.sectorId,
  ].join('|');
}

/** Every pair of statistics from different sources that share a scope but state different figures. */
export function findConflicts(statistics: readonly Statistic[]): Conflict[] {
  const groups = new Map<string, Statistic[]>();
  for (const s of statistics) {
    const key = scopeKey(s);
    groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  const conflicts: Conflict[] = [];
  for (const group of groups.values()) {
    const sorted = group
      .slice()
      .sort((x, y) => x.sourceId.localeCompare(y.sourceId) || x.id.localeCompare(y.id));
    for (let i = 0; i < sorted.length; i += 1) {
      for (let j = i + 1; j < sorted.length; j += 1) {
        const a = sorted[i] as Statistic;
        const b = sorted[j] as Statistic;
        if (a.sourceId === b.sourceId || sameFigure(a, b)) continue;
        conflicts.push({
          a,
          b,
          kind: figuresContradict(a, b) ? 'contradiction' : 'precision',
          difference: Math.round((b.value - a.value) * 1e6) / 1e6,
        });
      }
    }
  }
  return conflicts.sort(
    (x, y) =>
      x.a.subjectId.localeCompare(y.a.subjectId) ||
      x.a.metric.localeCompare(y.a.metric) ||
      x.a.periodStart.localeCompare(y.a.periodStart) ||
      x.a.id.localeCompare(y.a.id) ||
      x.b.id.localeCompare(y.b.id),
  );
}
