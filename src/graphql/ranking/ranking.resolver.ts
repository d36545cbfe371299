import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { NodeKind } from '../../domain/kinds.js';
import { parsePeriod } from '../../domain/period.js';
import { membersAt, type MembershipClaim } from '../../domain/membership.js';
import { rankSubjects } from '../../domain/ranking.js';
import type { Statistic as StatisticModel } from '../../domain/statistic.js';
import { rankingCost } from '../../limits/cost.js';
import type { GraphContext } from '../context.js';
import { BadUserInputError } from '../errors.js';
import { Statistic } from '../statistics/statistic.type.js';
import { checkMetric, checkSubjects } from '../statistics/statistic-filter.args.js';
import { Ranking, RankingInput, RankingRow } from './ranking.types.js';

/**
 * Which entities to rank: the subjects given, an association's members, or a sector's
 * organisations (with their kinds, known from the relationships that name them).
 */
async function subjectsOf(
  input: RankingInput,
  ctx: GraphContext,
  notes: string[],
): Promise<{ readonly id: string; readonly kind?: NodeKind }[]> {
  const given = [input.subjects, input.membersOf, input.inSector].filter(
    (x) => x !== undefined && x !== null,
  );
  if (given.length !== 1) {
    throw new BadUserInputError('input: give exactly one of subjects, membersOf or inSector', 'input');
  }
  if (input.subjects) {
    const { maxFirst } = ctx.limits;
    if (input.subjects.length === 0 || input.subjects.length > maxFirst) {
      throw new BadUserInputError(
        `input.subjects: give between 1 and ${maxFirst} ids (got ${input.subjects.length})`,
        'input.subjects',
      );
    }
    await checkSubjects(input.subjects, ctx, 'input.subjects');
    return input.subjects.map((id) => ({ id }));
  }
  // Members point at an association, and organisations at a sector: only those kinds have such claims.
  const claims = await ctx.loaders
    .relationsOfKind(input.membersOf ? 'Association' : 'Sector')
    .load(input.membersOf ?? input.inSector ?? '');
  const type = input.membersOf ? 'MEMBER_OF' : 'IN_SECTOR';
  const subjects = new Map<string, NodeKind>();
  const claimsOf = new Map<string, MembershipClaim[]>();
  for (const c of claims) {
    if (c.type === type && c.direction === 'IN') {
      subjects.set(c.other.id, c.other.kind);
      claimsOf.set(c.other.id, [...(claimsOf.get(c.other.id) ?? []), c]);
    }
  }
  const asOf = input.membersOf ? input.membersAsOf : undefined;
  if (asOf === undefined || asOf === null) return [...subjects].map(([id, kind]) => ({ id, kind }));
  const members = membersAt(claimsOf, asOf);
  for (const member of members) if (member.note !== null) notes.push(member.note);
  return members
    .filter((member) => member.included)
    .map((member) => ({ id: member.memberId, kind: subjects.get(member.memberId) as NodeKind }));
}

function notesFor(
  input: RankingInput,
  rows: RankingRow[],
  context: StatisticModel[],
  notes: string[],
): string[] {
  const destination = input.destination ?? null;
  const broader = rows.filter((r) => r.broaderThanAsked);
  if (destination && broader.length > 0) {
    notes.push(
      `${broader.length} of ${rows.length} figures cover all destinations, because their sources give no split by destination; they are not ${input.metric} to ${destination}.`,
    );
  }
  for (const share of context.filter(
    (s) => s.unit === 'percent' && s.destinationId === destination && destination,
  )) {
    notes.push(
      `In ${share.period}, ${share.value}% of ${share.subjectId}'s ${input.metric} went to ${destination} (${share.sourceId}).`,
    );
  }
  const disagreeing = rows.filter((r) => r.sourcesDisagree).map((r) => r.subjectId);
  if (disagreeing.length > 0) {
    notes.push(
      `Sources disagree for ${disagreeing.join(', ')}; every figure is listed in the row's statistics.`,
    );
  }
  for (const row of rows) if (row.note !== null) notes.push(row.note);
  if (rows.length === 0)
    notes.push(`No stored ${input.metric} figures for ${input.period} among these subjects.`);
  return notes;
}

@Resolver()
export class RankingResolver {
  @Query(() => Ranking, {
    description:
      'Rank entities by a metric over a period, optionally for one destination. Every row says what its figure covers and cites its statistics; total exports are never presented as exports to a destination.',
    complexity: rankingCost,
  })
  async ranking(
    @Arg('input', () => RankingInput, { description: 'What to rank, by what, when and for where.' })
    input: RankingInput,
    @Ctx() ctx: GraphContext,
  ): Promise<Ranking> {
    checkMetric(input.metric, 'input.metric');
    const group = input.membersOf ?? input.inSector;
    if (group !== undefined && group !== null) {
      await checkSubjects([group], ctx, input.membersOf ? 'input.membersOf' : 'input.inSector');
    }
    const period = parsePeriod(input.period);
    if (typeof period === 'string') throw new BadUserInputError(`period: ${period}`, 'period');
    if (input.membersAsOf !== undefined && input.membersAsOf !== null) {
      const at = parsePeriod(input.membersAsOf);
      if (typeof at === 'string') throw new BadUserInputError(`membersAsOf: ${at}`, 'membersAsOf');
    }
    const memberNotes: string[] = [];
    const subjects = await subjectsOf(input, ctx, memberNotes);
    const filter = { metric: input.metric, period: input.period };
    const lists = await Promise.all(
      subjects.map(({ id, kind }) =>
        ctx.loaders.statistics.load({ subjectId: id, filter, ...(kind ? { kind } : {}) }),
      ),
    );
    const destination = input.destination ?? null;
    const relevant = lists.flat().filter((s) => s.destinationId === null || s.destinationId === destination);
    const origins = [...new Set(relevant.map((s) => s.originId).filter((id): id is string => id !== null))];
    const shareMetric = `${input.metric.replace(/s$/, '')}_share`;
    const context = (
      await Promise.all(
        origins.map((subjectId) =>
          ctx.loaders.statistics.load({ subjectId, filter: { period: input.period } }),
        ),
      )
    )
      .flat()
      .filter(
        (s) =>
          (s.metric === input.metric || s.metric === shareMetric) &&
          (s.destinationId === null || s.destinationId === destination),
      );
    const rows = rankSubjects(relevant, destination).map((row) =>
      Object.assign(new RankingRow(), { ...row, statistics: row.statistics.map((s) => Statistic.from(s)) }),
    );
    return Object.assign(new Ranking(), {
      metric: input.metric,
      period: input.period,
      destination,
      rows,
      context: context.map((s) => Statistic.from(s)),
      notes: notesFor(input, rows, context, memberNotes),
    });
  }
}
