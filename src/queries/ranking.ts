import type { EntityKind, NodeKind } from '../domain/kinds.js';
import { membersAt, type MembershipClaim } from '../domain/membership.js';
import { TWO_WAY_METRICS } from '../domain/metrics.js';
import { rankSubjects, type RankingRow } from '../domain/ranking.js';
import type { Statistic } from '../domain/statistic.js';
import type { GraphStore } from '../store/graph-store.js';
import { rankingNotes } from './ranking-notes.js';
import { findRelations, type RelationClaim } from './relations.js';
import { findStatistics, findTwoWayFromPartnerSide } from './statistics.js';

/** Which entities to rank: the subjects given, an association's members, or a sector's organisations. */
export type RankingSubjects =
  | { readonly subjects: readonly string[] }
  /** With `membersAsOf`, the members at that date (see membersAt in src/domain/membership.ts). */
  | { readonly membersOf: string; readonly membersAsOf?: string }
  | { readonly inSector: string };

/** A ranking asked for: whom, by which metric, for which period and, optionally, destination. */
export type RankingQuery = RankingSubjects & {
  readonly metric: string;
  /** A period label (2026-01, 2025, 2024-Q1, …). */
  readonly period: string;
  readonly destination?: string;
};

export interface Ranking {
  readonly metric: string;
  readonly period: string;
  readonly destination: string | null;
  readonly rows: readonly RankingRow[];
  /** Figures that frame the ranking: the origin countries' totals for the metric, and the share going to the destination. */
  readonly context: readonly Statistic[];
  /** Plain-language caveats: who is in or out of the members and why, what the figures do and do not cover. */
  readonly notes: readonly string[];
}

/** A subject to rank, with its kind when the claim that names it says so. */
export interface RankedSubject {
  readonly id: string;
  readonly kind?: NodeKind;
}

/**
 * The reads a ranking needs. By default straight from the store; a GraphQL request passes its
 * per-request loaders, which batch and cache the same reads.
 */
export interface RankingReads {
  /** Relationship claims touching one entity of the kind given. */
  relations(kind: EntityKind, id: string): Promise<readonly RelationClaim[]>;
  /**
   * Statistics of the subjects under a metric and period filter, for the ranked rows or for the
   * context (the origins' totals): a reader may read each without what its answer does not show.
   */
  statistics(
    subjects: readonly RankedSubject[],
    filter: { readonly metric?: string; readonly period: string },
    use: 'rows' | 'context',
  ): Promise<readonly Statistic[]>;
}

/** Reads straight from the store: one statement per kind of subject (kinds not known: all kinds at once). */
export function storeRankingReads(store: GraphStore): RankingReads {
  return {
    relations: (kind, id) => findRelations(store, kind, id),
    async statistics(subjects, filter) {
      const byKind = new Map<NodeKind | undefined, string[]>();
      for (const { id, kind } of subjects) byKind.set(kind, [...(byKind.get(kind) ?? []), id]);
      const lists = await Promise.all(
        [...byKind].map(([kind, subjectIds]) => findStatistics(store, { ...filter, subjectIds }, kind)),
      );
      return lists.flat();
    },
  };
}

/** The metric that states which share of `metric` goes to a destination: exports → export_share. */
export function shareMetricOf(metric: string): string {
  return `${metric.replace(/s$/, '')}_share`;
}

/**
 * The subjects to rank, and a note for every member included or excluded at `membersAsOf` without
 * a claim for that date. Members point at an association, and organisations at a sector: only
 * those kinds have such claims.
 */
async function subjectsOf(
  query: RankingSubjects,
  reads: RankingReads,
): Promise<{ subjects: RankedSubject[]; notes: string[] }> {
  if ('subjects' in query) return { subjects: query.subjects.map((id) => ({ id })), notes: [] };
  const [kind, type, groupId] =
    'membersOf' in query
      ? (['Association', 'MEMBER_OF', query.membersOf] as const)
      : (['Sector', 'IN_SECTOR', query.inSector] as const);
  const kinds = new Map<string, NodeKind>();
  const claimsOf = new Map<string, MembershipClaim[]>();
  for (const c of await reads.relations(kind, groupId)) {
    if (c.type === type && c.direction === 'IN') {
      kinds.set(c.other.id, c.other.kind);
      claimsOf.set(c.other.id, [...(claimsOf.get(c.other.id) ?? []), c]);
    }
  }
  const asOf = 'membersOf' in query ? query.membersAsOf : undefined;
  if (asOf === undefined) return { subjects: [...kinds].map(([id, k]) => ({ id, kind: k })), notes: [] };
  const members = membersAt(claimsOf, asOf);
  return {
    subjects: members
      .filter((member) => member.included)
      .map((member) => ({ id: member.memberId, kind: kinds.get(member.memberId) as NodeKind })),
    notes: members.flatMap((member) => (member.note === null ? [] : [member.note])),
  };
}

/**
 * Two-way figures (trade_value, trade_modal_share) of the subjects stored from the partner's side
 * (MX → US, when US is ranked): each seen from the subject (subject and partner swapped, to rank
 * and to match the destination asked) mapped to the statistic as stored, with a note stating the
 * direction. None for other metrics.
 */
async function fromPartnerSide(
  store: GraphStore,
  query: RankingQuery,
  subjects: readonly RankedSubject[],
  scoped: (s: Statistic) => boolean,
): Promise<{ seen: Map<Statistic, Statistic>; notes: string[] }> {
  const seen = new Map<Statistic, Statistic>();
  const notes: string[] = [];
  if (!TWO_WAY_METRICS.has(query.metric) || subjects.length === 0) return { seen, notes };
  const found = await findTwoWayFromPartnerSide(store, {
    subjectIds: subjects.map((s) => s.id),
    metric: query.metric,
    period: query.period,
  });
  for (const { partnerId, statistic } of found) {
    const view = { ...statistic, subjectId: partnerId, destinationId: statistic.subjectId };
    if (!scoped(view)) continue;
    seen.set(view, statistic);
    notes.push(
      `${partnerId}: ${statistic.id} is ${query.metric} between ${partnerId} and ${statistic.subjectId} stated from ${statistic.subjectId}’s side (${statistic.subjectId} → ${partnerId}, ${statistic.sourceId}): the same trade seen from the other end.`,
    );
  }
  return { seen, notes };
}

/**
 * Ranks subjects by one metric in one period, optionally for one destination (see rankSubjects):
 * the API's `ranking`, the CLI's `tradegraph rank` and the tests all ask here. The context is the
 * origin countries' figures for the metric and its share metric, for all destinations or the one
 * asked. Throws RangeError for a period or `membersAsOf` that is not a period label.
 */
export async function rank(
  store: GraphStore,
  query: RankingQuery,
  reads: RankingReads = storeRankingReads(store),
): Promise<Ranking> {
  const { subjects, notes: memberNotes } = await subjectsOf(query, reads);
  const destination = query.destination ?? null;
  const scoped = (s: Statistic): boolean => s.destinationId === null || s.destinationId === destination;
  const own = (
    await reads.statistics(subjects, { metric: query.metric, period: query.period }, 'rows')
  ).filter(scoped);
  const { seen, notes: sideNotes } = await fromPartnerSide(store, query, subjects, scoped);
  const relevant = [...own, ...seen.keys()];
  const origins = [...new Set(relevant.map((s) => s.originId).filter((id): id is string => id !== null))];
  const shareMetric = shareMetricOf(query.metric);
  const context =
    origins.length === 0
      ? []
      : (
          await reads.statistics(
            origins.map((id) => ({ id })),
            { period: query.period },
            'context',
          )
        ).filter((s) => (s.metric === query.metric || s.metric === shareMetric) && scoped(s));
  // Ranked as seen from the subject; listed as stored (the API states the direction).
  const rows = rankSubjects(relevant, destination).map((row) => ({
    ...row,
    statistics: row.statistics.map((s) => seen.get(s) ?? s),
  }));
  return {
    metric: query.metric,
    period: query.period,
    destination,
    rows,
    context,
    notes: [...memberNotes, ...rankingNotes(query, rows, context), ...sideNotes],
  };
}
