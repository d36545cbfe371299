import { Arg, Ctx, Field, Float, ID, Int, ObjectType, Query, Resolver, registerEnumType } from 'type-graphql';
import { findStatisticConflicts } from '../../queries/conflicts.js';
import { checkFirst } from '../../limits/check-arguments.js';
import { listCost } from '../../limits/cost.js';
import type { GraphContext } from '../context.js';
import { Statistic } from '../statistics/statistic.type.js';
import { checkMetric, checkSubjects } from '../statistics/statistic-filter.args.js';

export enum ConflictKind {
  CONTRADICTION = 'contradiction',
  PRECISION = 'precision',
}
registerEnumType(ConflictKind, {
  name: 'ConflictKind',
  description: 'How two figures for the same scope differ.',
  valuesConfig: {
    CONTRADICTION: {
      description: 'Both cannot be right: the figures (or the intervals they state) do not meet.',
    },
    PRECISION: {
      description:
        'Both can be right, stated differently: a bound or range and a figure inside it ("more than 56" and 56.1).',
    },
  },
});

@ObjectType({
  description:
    'Two figures from different sources for the same subject, metric, unit, period, destination, origin and sector that differ. Both are kept; nothing is averaged or picked.',
})
export class Conflict {
  @Field(() => Statistic, { description: 'The first figure (sources in id order).' })
  a!: Statistic;

  @Field(() => Statistic, { description: 'The second figure, from another source.' })
  b!: Statistic;

  @Field(() => ConflictKind, {
    description: 'A contradiction, or the same fact stated with different precision.',
  })
  kind!: ConflictKind;

  @Field(() => Float, { description: 'b’s value minus a’s, in their unit.' })
  difference!: number;
}

@Resolver()
export class ConflictResolver {
  @Query(() => [Conflict], {
    description:
      'Every pair of figures from different sources that share subject, metric, period (the same span of days, whatever the label) and scope but differ, with both sources. Optionally for some subjects or one metric.',
    complexity: listCost(50),
  })
  async conflicts(
    @Arg('subjects', () => [ID], { nullable: true, description: 'Only figures measuring these entities.' })
    subjects: string[] | null,
    @Arg('metric', () => String, { nullable: true, description: 'Only this metric.' }) metric: string | null,
    @Arg('first', () => Int, {
      nullable: true,
      description: "At most this many pairs: the server's maxFirst (200 unless configured) when left out.",
    })
    first: number | null,
    @Ctx() ctx: GraphContext,
  ): Promise<Conflict[]> {
    // Arguments left out arrive undefined; given as null, null.
    if (metric !== null && metric !== undefined) checkMetric(metric, 'metric');
    if (subjects !== null && subjects !== undefined) await checkSubjects(subjects, ctx, 'subjects');
    const limit = checkFirst(first ?? ctx.limits.maxFirst, ctx.limits);
    const conflicts = await findStatisticConflicts(ctx.store, {
      ...(subjects === null || subjects === undefined ? {} : { subjectIds: subjects }),
      ...(metric === null || metric === undefined ? {} : { metric }),
    });
    return conflicts.slice(0, limit).map((c) =>
      Object.assign(new Conflict(), {
        a: Statistic.from(c.a),
        b: Statistic.from(c.b),
        kind: c.kind as ConflictKind,
        difference: c.difference,
      }),
    );
  }
}
