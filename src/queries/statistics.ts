import type { Granularity } from '../domain/period.js';
import { parsePeriod } from '../domain/period.js';
import { isPeriodBasis, isQualifier, type Statistic } from '../domain/statistic.js';
import type { NodeKind } from '../domain/kinds.js';
import { TWO_WAY_METRICS } from '../domain/metrics.js';
import { statisticsBySubjects, twoWayStatisticsByPartner } from '../store/catalog.js';
import {
  STATISTIC_END_COLUMNS,
  statisticsByKeys,
  statisticsOfKind,
  statisticsOfKindByKey,
  statisticsOfKindByKeyWithoutEnds,
  statisticsOfKindWithoutEnds,
  type StatisticRow,
} from '../store/statistic-read-statements.js';
import { keySuffix } from '../store/statistic-key-statements.js';
import type { GraphStore } from '../store/graph-store.js';
import type { GraphNode, StoreValue } from '../store/values.js';

export interface StatisticFilter {
  readonly subjectIds: readonly string[];
  readonly metric?: string;
  /** A period label (`2026-01`, `2025`, …): keeps statistics within it. */
  readonly within?: string;
  /** Keeps statistics for exactly this period: the same span of days, whatever the label's form. */
  readonly period?: string;
  readonly destination?: string;
  readonly origin?: string;
  /** Keeps only figures that cover all destinations. */
  readonly totalsOnly?: boolean;
  readonly sector?: string;
}

const text = (value: StoreValue | undefined): string | null => (typeof value === 'string' ? value : null);
const number = (value: StoreValue | undefined): number | null => (typeof value === 'number' ? value : null);

export function statisticFromNode(node: GraphNode): Statistic {
  const p = node.properties;
  // Statistics stored before qualifiers existed read as exact, with their period stated.
  const qualifier = text(p.qualifier) ?? 'exact';
  const basis = text(p.periodBasis) ?? 'stated';
  const range = qualifier === 'range';
  return {
    id: node.id,
    metric: text(p.metric) ?? '',
    value: number(p.value) ?? Number.NaN,
    unit: text(p.unit) ?? '',
    qualifier: isQualifier(qualifier) ? qualifier : 'exact',
    low: range ? number(p.low) : null,
    high: range ? number(p.high) : null,
    periodBasis: isPeriodBasis(basis) ? basis : 'stated',
    period: text(p.period) ?? '',
    periodStart: text(p.periodStart) ?? '',
    periodEnd: text(p.periodEnd) ?? '',
    granularity: (text(p.granularity) ?? 'range') as Granularity,
    subjectId: text(p.subjectId) ?? '',
    destinationId: text(p.destinationId),
    originId: text(p.originId),
    sectorId: text(p.sectorId),
    publishedById: text(p.publishedById),
    sourceId: text(p.sourceId) ?? '',
    changePercent: number(p.changePercent),
    changeComparedTo: text(p.changeComparedTo),
    scope: text(p.scope),
  };
}

function bounds(label: string | undefined): { start: string; end: string } {
  if (label === undefined) return { start: '0001-01-01', end: '9999-12-31' };
  const period = parsePeriod(label);
  if (typeof period === 'string') throw new RangeError(period);
  return { start: period.start, end: period.end };
}

/** The filters a keyed read leaves to the caller (see statistics-by-keys): destination, totals, origin, sector. */
function passes(s: Statistic, filter: StatisticFilter): boolean {
  if (filter.destination !== undefined && filter.destination !== '' && s.destinationId !== filter.destination)
    return false;
  if (filter.totalsOnly === true && s.destinationId !== null) return false;
  if (filter.origin !== undefined && filter.origin !== '' && s.originId !== filter.origin) return false;
  return filter.sector === undefined || filter.sector === '' || s.sectorId === filter.sector;
}

/** A statistic with the nodes of its ends that the store returned with it (see findStatisticsWithEnds). */
export interface StatisticWithEnds {
  readonly statistic: Statistic;
  /** Its source and destination nodes, when the statement read them (per-kind lookups only). */
  readonly ends: readonly GraphNode[];
}

/**
 * Statistics of the given subjects, ordered by subject then period. Throws RangeError for a bad
 * period label. With `subjectKind`, every subject is taken to be of that kind (others give
 * nothing), and the store looks only at that kind's ids.
 */
export async function findStatistics(
  store: GraphStore,
  filter: StatisticFilter,
  subjectKind?: NodeKind,
): Promise<Statistic[]> {
  return (await findStatisticsWithEnds(store, filter, subjectKind)).map((row) => row.statistic);
}

/**
 * As findStatistics, each statistic with its source and destination nodes when `subjectKind` is
 * given: the per-kind statement returns them in the same call, so callers that show them need no
 * lookup of their own. `ends: false` (for callers that show neither) reads the same statistics
 * without them.
 */
export async function findStatisticsWithEnds(
  store: GraphStore,
  filter: StatisticFilter,
  subjectKind?: NodeKind,
  { ends }: { readonly ends: boolean } = { ends: true },
): Promise<StatisticWithEnds[]> {
  const range = bounds(filter.period ?? filter.within);
  const params = {
    subjectIds: [...filter.subjectIds],
    metric: filter.metric ?? '',
    periodFrom: range.start,
    periodTo: range.end,
    destination: filter.destination ?? '',
    origin: filter.origin ?? '',
    totalsOnly: filter.totalsOnly ?? false,
    sector: filter.sector ?? '',
  };
  const withEnds = (row: StatisticRow & { readonly [column: string]: unknown }): StatisticWithEnds => ({
    statistic: statisticFromNode(row.statistic),
    ends: STATISTIC_END_COLUMNS.flatMap(({ column }) => {
      const end = row[column] as GraphNode | null | undefined;
      return end ? [end] : [];
    }),
  });
  let rows: StatisticWithEnds[];
  if (filter.period !== undefined && filter.metric !== undefined && filter.metric !== '') {
    // One metric over one span of days: through the statistic keys, no walk over the subjects' statistics.
    const suffix = keySuffix(filter.metric, range.start, range.end);
    const subjectIds = [...new Set(filter.subjectIds)];
    const statement =
      subjectKind === undefined
        ? undefined
        : ends
          ? statisticsOfKindByKey(subjectKind)
          : statisticsOfKindByKeyWithoutEnds(subjectKind);
    rows = (
      subjectKind === undefined
        ? await store.read(statisticsByKeys, { keys: subjectIds.map((id) => `${id}${suffix}`) })
        : statement === undefined
          ? []
          : await store.read(statement, { subjectIds, keySuffix: suffix })
    )
      .map(withEnds)
      .filter(({ statistic: s }) => passes(s, filter));
  } else {
    const statement =
      subjectKind === undefined
        ? undefined
        : ends
          ? statisticsOfKind(subjectKind)
          : statisticsOfKindWithoutEnds(subjectKind);
    rows =
      subjectKind === undefined
        ? (await store.read(statisticsBySubjects, params)).map((row) => ({
            statistic: statisticFromNode(row.statistic),
            ends: [],
          }))
        : statement === undefined
          ? []
          : (await store.read(statement, params)).map(withEnds);
  }
  // One period whatever its label: 2025-Q1, 2025-01/2025-03 and a stored quarter cover the same days.
  return filter.period === undefined
    ? rows
    : rows.filter(({ statistic: s }) => s.periodStart === range.start && s.periodEnd === range.end);
}

/**
 * Two-way figures (trade between the subject and a partner) stored from the partner's side: a
 * trade value stored as MX → US, found when US's figures are asked for. Only for the filter's
 * metric when it is two-way, or every two-way metric when none is given; a `destination` filter
 * names the other side. Figures with an origin or sector filter are not two-way answers (none).
 */
export async function findTwoWayFromPartnerSide(
  store: GraphStore,
  filter: StatisticFilter,
): Promise<{ partnerId: string; statistic: Statistic }[]> {
  const metrics =
    filter.metric === undefined
      ? [...TWO_WAY_METRICS]
      : TWO_WAY_METRICS.has(filter.metric)
        ? [filter.metric]
        : [];
  if (metrics.length === 0 || filter.origin !== undefined || filter.sector !== undefined || filter.totalsOnly)
    return [];
  const range = bounds(filter.period ?? filter.within);
  const rows = await store.read(twoWayStatisticsByPartner, {
    partnerIds: [...filter.subjectIds],
    metrics,
    periodFrom: range.start,
    periodTo: range.end,
    other: filter.destination ?? '',
  });
  return rows
    .map((row) => ({ partnerId: row.partnerId, statistic: statisticFromNode(row.statistic) }))
    .filter(
      ({ statistic: s }) =>
        filter.period === undefined || (s.periodStart === range.start && s.periodEnd === range.end),
    );
}
