import type { GraphQLResolveInfo } from 'graphql';
import { Args, ArgsType, Ctx, Field, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import { relationsCost } from '../../limits/cost.js';
import { Direction, RelationshipTypeEnum } from '../common/enums.js';
import type { GraphContext } from '../context.js';
import { Entity } from '../entities/entity.interface.js';
import { ClaimFilterArgs } from './claim-filter.args.js';
import { briefEnds, related } from './related.js';
import { Relation } from './relation.type.js';

@ArgsType()
export class RelationArgs extends ClaimFilterArgs {
  @Field(() => [RelationshipTypeEnum], {
    nullable: true,
    description: 'Only these relationship types (default: all).',
  })
  types?: string[];

  @Field(() => Direction, { defaultValue: Direction.BOTH, description: 'Which way the relationships run.' })
  direction!: Direction;
}

/** `relations` on every entity (a field of the Entity interface, inherited by each kind). */
@Resolver(() => Entity)
export class EntityRelationsResolver {
  @FieldResolver(() => [Relation], {
    description: 'Related entities of any type, each with the claims (sources) that relate them.',
    complexity: relationsCost,
  })
  async relations(
    @Root() entity: Entity,
    @Args(() => RelationArgs) args: RelationArgs,
    @Ctx() ctx: GraphContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Relation[]> {
    return related(entity, ctx, args.types ?? null, args.direction, args, briefEnds(info));
  }
}
