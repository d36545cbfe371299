import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, Info, Query, Resolver } from 'type-graphql';
import { parsePeriod } from '../../domain/period.js';
import { STATISTIC_LINKS } from '../../domain/relationships.js';
import { rankingCost } from '../../limits/cost.js';
import {
  rank,
  type Ranking as RankingResult,
  type RankingQuery,
  type RankingReads,
  type RankingSubjects,
} from '../../queries/ranking.js';
import type { GraphContext } from '../context.js';
import { checkIds } from '../common/check-ids.js';
import { selectsAnyOf, selectsOnly } from '../common/selection.js';
import type { RelationEnds } from '../relation-loaders.js';
import { BRIEF_ENTITY_FIELDS } from '../relations/related.js';
import { BadUserInputError } from '../errors.js';
import { STATISTIC_END_FIELDS, Statistic } from '../statistics/statistic.type.js';
import { checkMetric, checkSubjects } from '../statistics/statistic-filter.args.js';
import { Ranking, RankingInput, RankingRow } from './ranking.types.js';

const given = <T>(value: T | null | undefined): value is T => value !== undefined && value !== null;

/**
 * Which entities to rank: exactly one of subjects, membersOf or inSector (the group, if any,
 * checked already), the subjects given checked to exist.
 */
async function subjectsOf(input: RankingInput, ctx: GraphContext): Promise<RankingSubjects> {
  if ([input.subjects, input.membersOf, input.inSector].filter(given).length !== 1) {
    throw new BadUserInputError('input: give exactly one of subjects, membersOf or inSector', 'input');
  }
  if (given(input.subjects)) {
    const { maxFirst } = ctx.limits;
    if (input.subjects.length === 0 || input.subjects.length > maxFirst) {
      throw new BadUserInputError(
        `input.subjects: give between 1 and ${maxFirst} ids (got ${input.subjects.length})`,
        'input.subjects',
      );
    }
    await checkSubjects(input.subjects, ctx, 'input.subjects');
    return { subjects: input.subjects };
  }
  if (given(input.membersOf)) {
    return {
      membersOf: input.membersOf,
      ...(given(input.membersAsOf) ? { membersAsOf: input.membersAsOf } : {}),
    };
  }
  return { inSector: input.inSector ?? '' };
}

/**
 * How the ranking reads its group's claims: brief when the rows show no more of their subjects
 * than a brief node answers (and the statistics' own subjects not at all: those are looked up as
 * nodes, which brief claims do not hand over).
 */
function rankingEnds(info: GraphQLResolveInfo): RelationEnds {
  return {
    brief:
      selectsOnly(info, BRIEF_ENTITY_FIELDS, ['rows', 'subject']) &&
      selectsOnly(info, [], ['rows', 'statistics', 'subject']),
  };
}

/**
 * Which of the ranking's figures are read with their sources and destinations: those it shows them
 * of, and the rows' whenever a destination is asked for (their destinations then make its check cost
 * no statement of its own, see below). The others are read without them.
 */
function statisticEndsRead(
  info: GraphQLResolveInfo,
  destinationGiven: boolean,
): Record<'rows' | 'context', boolean> {
  return {
    rows: destinationGiven || selectsAnyOf(info, STATISTIC_END_FIELDS, ['rows', 'statistics']),
    context: selectsAnyOf(info, STATISTIC_END_FIELDS, ['context']),
  };
}

/** The ranking's reads through this request's loaders, which batch and cache them. */
const loaderReads = (
  ctx: GraphContext,
  ends: RelationEnds,
  statisticEnds: Record<'rows' | 'context', boolean>,
): RankingReads => ({
  relations: (kind, id) => ctx.loaders.relationsOfKind(kind, ends).load(id),
  async statistics(subjects, filter, use) {
    const withoutEnds = !statisticEnds[use];
    const lists = await Promise.all(
      subjects.map(({ id, kind }) =>
        ctx.loaders.statistics.load({ subjectId: id, filter, withoutEnds, ...(kind ? { kind } : {}) }),
      ),
    );
    return lists.flat();
  },
});

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
    @Info() info: GraphQLResolveInfo,
  ): Promise<Ranking> {
    checkMetric(input.metric, 'input.metric');
    const ends = rankingEnds(info);
    const group = input.membersOf ?? input.inSector;
    if (given(group)) {
      // The group's claims first (the ranking needs them): they bring the group's node, so checking
      // that it exists costs no statement of its own. A group of the wrong kind (a company as
      // membersOf) or a typo would rank nobody in silence.
      await ctx.loaders.relationsOfKind(input.membersOf ? 'Association' : 'Sector', ends).load(group);
      if (given(input.membersOf)) await checkIds([input.membersOf], ctx, 'input.membersOf', ['Association']);
      if (given(input.inSector)) await checkIds([input.inSector], ctx, 'input.inSector', ['Sector']);
    }
    const period = parsePeriod(input.period);
    const at = given(input.membersAsOf) ? parsePeriod(input.membersAsOf) : undefined;
    const ranked = async (): Promise<RankingResult> => {
      const query: RankingQuery = {
        ...(await subjectsOf(input, ctx)),
        metric: input.metric,
        period: input.period,
        ...(given(input.destination) ? { destination: input.destination } : {}),
      };
      const statisticEnds = statisticEndsRead(info, given(input.destination));
      return rank(ctx.store, query, loaderReads(ctx, ends, statisticEnds));
    };
    // Figures without a split still rank under a destination that names nothing: check it always.
    // The figures are read first when the periods are valid: their rows bring the destination's
    // node whenever a figure names it, so the check then costs no statement of its own. Errors keep
    // their order: whatever the early ranking raises is raised again below, after the destination's.
    let early: RankingResult | undefined;
    if (given(input.destination)) {
      if (typeof period !== 'string' && typeof at !== 'string') early = await ranked().catch(() => undefined);
      await checkIds([input.destination], ctx, 'input.destination', STATISTIC_LINKS.DESTINATION.to);
    }
    if (typeof period === 'string') throw new BadUserInputError(`period: ${period}`, 'period');
    if (typeof at === 'string') throw new BadUserInputError(`membersAsOf: ${at}`, 'membersAsOf');
    const ranking = early ?? (await ranked());
    return Object.assign(new Ranking(), {
      ...ranking,
      rows: ranking.rows.map((row) =>
        Object.assign(new RankingRow(), {
          ...row,
          // A two-way figure stored from the partner's side says so (fromPartnerSide, direction).
          statistics: row.statistics.map((s) => Statistic.from(s, row.subjectId)),
        }),
      ),
      context: ranking.context.map((s) => Statistic.from(s)),
      notes: [...ranking.notes],
    });
  }
}
