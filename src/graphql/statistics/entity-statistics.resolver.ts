import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import { STATISTIC_LINKS } from '../../domain/relationships.js';
import { entityStatisticsCost } from '../../limits/cost.js';
import type { GraphContext } from '../context.js';
import { Entity } from '../entities/entity.interface.js';
import { StatisticFilterArgs, checkStatisticFilterIds, toStatisticQuery } from './statistic-filter.args.js';
import { selectsAnyOf } from '../common/selection.js';
import { STATISTIC_END_FIELDS, Statistic } from './statistic.type.js';

/** Kinds a figure can be a destination of: the only ones with two-way figures stored from the other side. */
const PARTNER_KINDS: readonly string[] = STATISTIC_LINKS.DESTINATION.to;

/** `statistics` on every entity (a field of the Entity interface, inherited by each kind). */
@Resolver(() => Entity)
export class EntityStatisticsResolver {
  @FieldResolver(() => [Statistic], {
    description:
      'Statistics measuring this entity, ordered by period. Two-way figures (trade_value, trade_modal_share) stored from a partner’s side (a trade value stored as MX → US, asked from US) follow its own, marked fromPartnerSide with their direction, as in `statistics`.',
    complexity: entityStatisticsCost,
  })
  async statistics(
    @Root() entity: Entity,
    @Args(() => StatisticFilterArgs) args: StatisticFilterArgs,
    @Ctx() ctx: GraphContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Statistic[]> {
    const key = {
      subjectId: entity.id,
      filter: toStatisticQuery(args),
      kind: entity.kind,
      withoutEnds: !selectsAnyOf(info, STATISTIC_END_FIELDS),
    };
    const [found, mirrored] = await Promise.all([
      ctx.loaders.statistics.load(key),
      PARTNER_KINDS.includes(entity.kind) ? ctx.loaders.partnerSide.load(key) : [],
    ]);
    // Nothing found: a destination, origin or sector naming nothing is an error, not an empty answer.
    if (found.length === 0 && mirrored.length === 0) await checkStatisticFilterIds(args, ctx);
    return [...found.map((s) => Statistic.from(s)), ...mirrored.map((s) => Statistic.from(s, entity.id))];
  }
}
