import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { entityStatisticsCost } from '../../limits/cost.js';
import type { GraphContext } from '../context.js';
import { Entity } from '../entities/entity.interface.js';
import { StatisticFilterArgs, checkStatisticFilterIds, toStatisticQuery } from './statistic-filter.args.js';
import { Statistic } from './statistic.type.js';

/** `statistics` on every entity (a field of the Entity interface, inherited by each kind). */
@Resolver(() => Entity)
export class EntityStatisticsResolver {
  @FieldResolver(() => [Statistic], {
    description: 'Statistics measuring this entity, ordered by period.',
    complexity: entityStatisticsCost,
  })
  async statistics(
    @Root() entity: Entity,
    @Args(() => StatisticFilterArgs) args: StatisticFilterArgs,
    @Ctx() ctx: GraphContext,
  ): Promise<Statistic[]> {
    const found = await ctx.loaders.statistics.load({
      subjectId: entity.id,
      filter: toStatisticQuery(args),
      kind: entity.kind,
    });
    // Nothing found: a destination, origin or sector naming nothing is an error, not an empty answer.
    if (found.length === 0) await checkStatisticFilterIds(args, ctx);
    return found.map((s) => Statistic.from(s));
  }
}
