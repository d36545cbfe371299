import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, Field, Info, ObjectType } from 'type-graphql';
import type { GraphNode } from '../../store/values.js';
import { ClaimFilterArgs } from '../relations/claim-filter.args.js';
import { Direction } from '../common/enums.js';
import { typedRelationsCost } from '../../limits/cost.js';
import { Relation } from '../relations/relation.type.js';
import { textOrNull } from '../common/strings.js';
import type { GraphContext } from '../context.js';
import { Entity } from './entity.interface.js';
import { registerEntityType } from './entity-registry.js';
import { Node } from './node.interface.js';
import { briefEnds, related } from '../relations/related.js';

@ObjectType({ implements: [Node, Entity], description: 'A state (ISO 3166-2) or a place within one.' })
export class Region extends Entity {
  @Field(() => String, { description: 'state, city, municipality, metro-area, border-crossing or region.' })
  regionType!: string;

  static from(node: GraphNode): Region {
    const p = node.properties;
    return Object.assign(Entity.fill(new Region(), node), {
      regionType: textOrNull(p.regionType) ?? '',
    });
  }

  @Field(() => [Relation], {
    complexity: typedRelationsCost,
    description: 'The larger region or country this one lies in.',
  })
  within(
    @Args(() => ClaimFilterArgs) filter: ClaimFilterArgs,
    @Ctx() ctx: GraphContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Relation[]> {
    return related(this, ctx, ['LOCATED_IN'], Direction.OUT, filter, briefEnds(info));
  }

  @Field(() => [Relation], {
    complexity: typedRelationsCost,
    description: 'Places and facilities within this region.',
  })
  contains(
    @Args(() => ClaimFilterArgs) filter: ClaimFilterArgs,
    @Ctx() ctx: GraphContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Relation[]> {
    return related(this, ctx, ['LOCATED_IN'], Direction.IN, filter, briefEnds(info));
  }

  @Field(() => [Relation], {
    complexity: typedRelationsCost,
    description: 'Organisations headquartered here.',
  })
  headquartered(
    @Args(() => ClaimFilterArgs) filter: ClaimFilterArgs,
    @Ctx() ctx: GraphContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Relation[]> {
    return related(this, ctx, ['HEADQUARTERED_IN'], Direction.IN, filter, briefEnds(info));
  }
}

registerEntityType('Region', (node) => Region.from(node));
