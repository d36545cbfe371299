import { rankSubjects, type RankingRow } from '../domain/ranking.js';
import type { Statistic } from '../domain/statistic.js';
import type { GraphStore } from '../store/graph-store.js';
import { findMembersAt } from './members.js';
import { findStatistics } from './statistics.js';

export interface RankingRequest {
  readonly subjectIds: readonly string[];
  readonly metric: string;
  readonly period: string;
  readonly destination?: string;
}

export interface Ranking {
  readonly rows: readonly RankingRow[];
  /** Figures that frame the ranking: the origin country's share of the metric going to the destination, and its totals. */
  readonly context: readonly Statistic[];
}

/** Ranks subjects by one metric in one period, optionally for one destination (see rankSubjects). */
export async function rank(
  store: GraphStore,
  request: RankingRequest,
  contextSubjectIds: readonly string[] = [],
): Promise<Ranking> {
  const statistics = await findStatistics(store, {
    subjectIds: request.subjectIds,
    metric: request.metric,
    period: request.period,
  });
  const relevant = statistics.filter(
    (s) => s.destinationId === null || s.destinationId === (request.destination ?? null),
  );
  const context =
    contextSubjectIds.length === 0
      ? []
      : (await findStatistics(store, { subjectIds: contextSubjectIds, period: request.period })).filter(
          (s) =>
            (s.metric === request.metric || s.metric === `${request.metric.replace(/s$/, '')}_share`) &&
            (s.destinationId === null || s.destinationId === (request.destination ?? null)),
        );
  return { rows: rankSubjects(relevant, request.destination ?? null), context };
}

/**
 * Ranks the association's members by a metric: every company any source names, or with
 * `membersAsOf` the members at that date (see findMembersAt), whose notes come with the ranking.
 */
export async function rankMembers(
  store: GraphStore,
  associationId: string,
  request: Omit<RankingRequest, 'subjectIds'> & { readonly membersAsOf?: string },
  contextSubjectIds: readonly string[] = [],
): Promise<Ranking & { readonly memberNotes: readonly string[] }> {
  const { membersAsOf, ...rest } = request;
  const { members, excluded } = await findMembersAt(
    store,
    [associationId],
    membersAsOf === undefined ? {} : { asOf: membersAsOf },
  );
  const memberNotes = [...members.flatMap((m) => (m.note === null ? [] : [m.note])), ...excluded];
  const ranking = await rank(
    store,
    { ...rest, subjectIds: members.map((m) => m.member.id) },
    contextSubjectIds,
  );
  return { ...ranking, memberNotes };
}
