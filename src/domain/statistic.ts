import type { Granularity } from './period.js';

/**
 * How precisely a source states a figure: `exact` ("4,783"), `approximate` ("almost", "about",
 * "some"), `lower-bound` ("over", "more than", "at least"), `upper-bound` ("less than", "under",
 * "up to") or `range` ("17 to 19": `low` and `high`, with `value` the low end).
 */
export const QUALIFIERS = ['exact', 'approximate', 'lower-bound', 'upper-bound', 'range'] as const;
export type Qualifier = (typeof QUALIFIERS)[number];

export function isQualifier(value: string): value is Qualifier {
  return (QUALIFIERS as readonly string[]).includes(value);
}

/** Whether a statistic's period is the source's own words or inferred, and from what. */
export const PERIOD_BASES = ['stated', 'article-date', 'context'] as const;
export type PeriodBasis = (typeof PERIOD_BASES)[number];

export function isPeriodBasis(value: string): value is PeriodBasis {
  return (PERIOD_BASES as readonly string[]).includes(value);
}

/** One observation as stored: a figure with its exact scope and its source. */
export interface Statistic {
  readonly id: string;
  readonly metric: string;
  /** The figure as the source states it; for a range, its low end (see `low`, `high`). */
  readonly value: number;
  readonly unit: string;
  /** How precisely the source states the figure. */
  readonly qualifier: Qualifier;
  /** For a range: its ends as the source states them; null otherwise. */
  readonly low: number | null;
  readonly high: number | null;
  readonly period: string;
  readonly periodStart: string;
  readonly periodEnd: string;
  readonly granularity: Granularity;
  /**
   * `stated` when the source names the period; otherwise it was inferred, from the article's date
   * (`article-date`: "last month" in a piece dated 2025-02) or its context (`context`).
   */
  readonly periodBasis: PeriodBasis;
  readonly subjectId: string;
  /** Null when the figure covers all destinations (the source gives no split). */
  readonly destinationId: string | null;
  readonly originId: string | null;
  readonly sectorId: string | null;
  readonly publishedById: string | null;
  readonly sourceId: string;
  readonly changePercent: number | null;
  readonly changeComparedTo: string | null;
  readonly scope: string | null;
}

/** The qualifier's defaults, for statistics stored before qualifiers existed (or read from nulls). */
export const EXACT_AND_STATED = { qualifier: 'exact', low: null, high: null, periodBasis: 'stated' } as const;

// One formatter for every figure: `toLocaleString` with options builds a new one on each call,
// which was a tenth of the time of a request listing hundreds of figures.
const FIGURE_FORMAT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 });
const format = (n: number): string => FIGURE_FORMAT.format(n);

/** The figure as the source states it, in words: "4,783", "about 30", "more than 200,000", "17 to 19". */
export function statedFigure(statistic: Pick<Statistic, 'value' | 'qualifier' | 'low' | 'high'>): string {
  switch (statistic.qualifier) {
    case 'approximate':
      return `about ${format(statistic.value)}`;
    case 'lower-bound':
      return `more than ${format(statistic.value)}`;
    case 'upper-bound':
      return `less than ${format(statistic.value)}`;
    case 'range':
      return `${format(statistic.low ?? statistic.value)} to ${format(statistic.high ?? statistic.value)}`;
    default:
      return format(statistic.value);
  }
}

/**
 * The interval the true figure lies in, as far as the source says: a point for exact and
 * approximate figures, open-ended for bounds (figures here are never negative), both ends for a range.
 */
export function interval(statistic: Pick<Statistic, 'value' | 'qualifier' | 'low' | 'high'>): {
  readonly low: number;
  readonly high: number;
} {
  switch (statistic.qualifier) {
    case 'lower-bound':
      return { low: statistic.value, high: Number.POSITIVE_INFINITY };
    case 'upper-bound':
      return { low: Number.NEGATIVE_INFINITY, high: statistic.value };
    case 'range':
      return { low: statistic.low ?? statistic.value, high: statistic.high ?? statistic.value };
    default:
      return { low: statistic.value, high: statistic.value };
  }
}

/**
 * Metrics whose figures can be split by destination: only for these does a figure without a
 * destination mean "all destinations".
 */
export const DESTINATION_METRICS: ReadonlySet<string> = new Set([
  'exports',
  'imports',
  'used_vehicle_imports',
  'trade_value',
  'change_in_exports',
  'export_share',
  'output_share_to_destination',
  'import_market_share',
  'trade_modal_share',
]);

/**
 * What a figure covers, in words. For exports and imports: "to US" when the source states a
 * destination, "all destinations" when it gives no split. Other metrics have no destination
 * split; they say what they cover instead ("production in MX", "capacity of dtna-saltillo-plant").
 */
export function coverageOf(
  statistic: Pick<Statistic, 'destinationId' | 'metric' | 'subjectId' | 'originId' | 'sectorId'>,
): string {
  if (DESTINATION_METRICS.has(statistic.metric)) {
    return statistic.destinationId === null ? 'all destinations' : `to ${statistic.destinationId}`;
  }
  const parts = [statistic.metric.replace(/_/g, ' '), `of ${statistic.subjectId}`];
  if (statistic.originId !== null) parts.push(`in ${statistic.originId}`);
  if (statistic.destinationId !== null) parts.push(`for ${statistic.destinationId}`);
  if (statistic.sectorId !== null) parts.push(`(${statistic.sectorId})`);
  return parts.join(' ');
}
