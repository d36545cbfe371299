import type { Granularity } from './period.js';

/** One observation as stored: a figure with its exact scope and its source. */
export interface Statistic {
  readonly id: string;
  readonly metric: string;
  readonly value: number;
  readonly unit: string;
  readonly period: string;
  readonly periodStart: string;
  readonly periodEnd: string;
  readonly granularity: Granularity;
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

/** What a figure covers, in words: "all destinations" unless the source states one. */
export function coverageOf(statistic: Pick<Statistic, 'destinationId'>): string {
  return statistic.destinationId === null ? 'all destinations' : `to ${statistic.destinationId}`;
}
