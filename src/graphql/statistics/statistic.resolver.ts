import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, Field, ID, Info, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { METRICS, type Metric } from '../../domain/metrics.js';
import { statisticsQueryCost } from '../../limits/cost.js';
import { checkFirst } from '../../limits/check-arguments.js';
import type { GraphContext } from '../context.js';
import { BadUserInputError } from '../errors.js';
import { findTwoWayFromPartnerSide } from '../../queries/statistics.js';
import {
  StatisticFilterArgs,
  checkStatisticFilterIds,
  checkSubjects,
  toStatisticQuery,
} from './statistic-filter.args.js';
import { selectsAnyOf } from '../common/selection.js';
import { STATISTIC_END_FIELDS, Statistic } from './statistic.type.js';

@ObjectType({ description: 'A metric a statistic can measure, with its units.' })
export class MetricInfo {
  @Field(() => String, { description: 'Name used in statistics and filters.' })
  name!: string;

  @Field(() => String, { description: 'What the metric measures.' })
  description!: string;

  @Field(() => [String], { description: 'Units a value of this metric may be given in.' })
  units!: string[];
}

@Resolver()
export class StatisticResolver {
  @Query(() => [MetricInfo], { description: 'The metrics statistics use, with what each means.' })
  metrics(): MetricInfo[] {
    return (Object.entries(METRICS) as [Metric, (typeof METRICS)[Metric]][]).map(([name, definition]) =>
      Object.assign(new MetricInfo(), {
        name,
        description: definition.description,
        units: [...definition.units],
      }),
    );
  }

  @Query(() => [Statistic], {
    description:
      'Statistics measuring the given subjects, filtered, ordered by subject then period: a time series when one subject and metric are given. Two-way figures (trade_value, trade_modal_share) stored from a partner’s side follow each subject’s own, marked fromPartnerSide with their direction. An id that names no entity is an error naming the entities it may mean (BAD_USER_INPUT), never an empty answer.',
    complexity: statisticsQueryCost,
  })
  async statistics(
    @Arg('subjects', () => [ID], {
      description: "Ids of the entities measured: 1 to the server's maxFirst (200 unless configured).",
    })
    subjects: string[],
    @Args(() => StatisticFilterArgs) filter: StatisticFilterArgs,
    @Arg('first', () => Int, {
      nullable: true,
      description:
        "At most this many statistics: the server's maxFirst (200 unless configured) when left out.",
    })
    first: number | null,
    @Ctx() ctx: GraphContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Statistic[]> {
    const { maxFirst } = ctx.limits;
    if (subjects.length === 0 || subjects.length > maxFirst) {
      throw new BadUserInputError(
        `subjects: give between 1 and ${maxFirst} ids (got ${subjects.length})`,
        'subjects',
      );
    }
    const limit = checkFirst(first ?? maxFirst, ctx.limits);
    const query = toStatisticQuery(filter);
    const withoutEnds = !selectsAnyOf(info, STATISTIC_END_FIELDS);
    const lists = await ctx.loaders.statistics.loadMany(
      subjects.map((subjectId) => ({ subjectId, filter: query, withoutEnds })),
    );
    // A subject with figures exists: only those without any are looked up, to tell an unknown id
    // (an error naming what it may mean) from an entity with no figures (an empty answer).
    await checkSubjects(
      subjects.filter((_id, i) => {
        const list = lists[i];
        return !(list instanceof Error) && list !== undefined && list.length === 0;
      }),
      ctx,
      'subjects',
    );
    const mirrored = await findTwoWayFromPartnerSide(ctx.store, { ...query, subjectIds: subjects });
    const all = lists.flatMap((list, i) => {
      if (list instanceof Error) throw list;
      const subjectId = subjects[i] as string;
      const own = list.map((s) => Statistic.from(s));
      const other = mirrored
        .filter((m) => m.partnerId === subjectId)
        .map((m) => Statistic.from(m.statistic, subjectId));
      return [...own, ...other];
    });
    // Nothing found: a destination, origin or sector naming nothing is an error, not an empty answer.
    if (all.length === 0) await checkStatisticFilterIds(filter, ctx);
    return all.slice(0, limit);
  }
}
