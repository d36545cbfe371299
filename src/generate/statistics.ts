import { Random } from './random.js';
import { MONTHS, FIRST_YEAR, monthLabel, type AssociationSeries, type SubjectPlan } from './model.js';

/** Monthly seasonality of vehicle output: the July and December shutdowns. */
const SEASON = [0.93, 0.97, 1.07, 1.0, 1.04, 1.02, 0.86, 0.98, 1.03, 1.07, 1.02, 0.81];

/** The economy's shocks: the 2008–09 crisis and the spring 2020 shutdowns. */
function macro(month: number): number {
  const year = FIRST_YEAR + Math.floor(month / 12);
  const m = (month % 12) + 1;
  if (year === 2008 && m >= 10) return 0.85;
  if (year === 2009) return 0.55 + 0.03 * m;
  if (year === 2020 && m >= 4 && m <= 7) return [0.2, 0.45, 0.75, 0.9][m - 4] ?? 1;
  return 1;
}

export interface StatisticOutput {
  id: string;
  subject: string;
  metric: string;
  value: number;
  unit: string;
  period: string;
  destination?: string;
  origin?: string;
  sector?: string;
  publishedBy: string;
  source: string;
  changePercent?: number;
  changeComparedTo?: string;
}

const LABELS = Array.from({ length: MONTHS }, (_, i) => monthLabel(i));

/** How many statistics `statisticsOf` yields for these plans. */
export function countStatistics(
  subjects: readonly SubjectPlan[],
  associations: readonly AssociationSeries[],
): number {
  let total = 0;
  for (const plan of subjects) total += plan.seriesCount * plan.length;
  for (const association of associations) total += association.counts.filter((c) => c.members > 0).length;
  return total;
}

/**
 * The statistics of every planned series, one at a time (nothing is kept but a year of values per
 * series, for the reported changes): subject by subject, series by series, month by month.
 */
export function* statisticsOf(
  seed: number,
  subjects: readonly SubjectPlan[],
  associations: readonly AssociationSeries[],
): Generator<StatisticOutput> {
  const lastYear = new Float64Array(12);
  for (const plan of subjects) {
    for (let k = 0; k < plan.seriesCount; k += 1) {
      const spec = plan.potential[k];
      if (!spec) continue;
      const random = new Random(seed, 'series', plan.id, k);
      const suffix =
        (spec.destination ? `-${spec.destination.toLowerCase()}` : '') +
        (spec.origin ? `-from-${spec.origin.toLowerCase()}` : '');
      const first = MONTHS - plan.length;
      let drift = 0.1 * random.normal();
      for (let month = first; month < MONTHS; month += 1) {
        drift = 0.85 * drift + 0.04 * random.normal();
        const trend = Math.pow(1 + plan.growth, (month - (MONTHS - 1)) / 12);
        const level =
          (spec.yearly / 12) *
          (SEASON[month % 12] ?? 1) *
          macro(month) *
          trend *
          Math.exp(drift + 0.05 * random.normal());
        const value =
          spec.unit === 'USD' && level >= 100_000
            ? Math.round(level / 1000) * 1000
            : Math.max(0, Math.round(level));
        const period = LABELS[month] ?? monthLabel(month);
        const source = `${plan.sourcePrefix}-${FIRST_YEAR + Math.floor(month / 12)}`;
        // Absent fields stay undefined: JSON.stringify leaves them out.
        const statistic: StatisticOutput = {
          id: `${plan.statisticPrefix}-${spec.metric}-${period}${suffix}`,
          subject: plan.id,
          metric: spec.metric,
          value,
          unit: spec.unit,
          period,
          destination: spec.destination,
          origin: spec.origin,
          sector: spec.sector,
          publishedBy: plan.publishedBy,
          source,
        };
        const before = lastYear[month % 12] ?? 0;
        if (month - first >= 12 && before > 0 && random.float() < 0.08) {
          statistic.changePercent = Math.round((value / before - 1) * 1000) / 10;
          statistic.changeComparedTo = LABELS[month - 12] ?? monthLabel(month - 12);
        }
        lastYear[month % 12] = value;
        yield statistic;
      }
    }
  }
  for (const association of associations) {
    for (const { year, members } of association.counts) {
      if (members === 0) continue;
      yield {
        id: `${association.id}-member-count-${year}`,
        subject: association.id,
        metric: 'member_count',
        value: members,
        unit: 'count',
        period: String(year),
        publishedBy: association.id,
        source: association.source,
      };
    }
  }
}
