import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, Field, Info, ObjectType } from 'type-graphql';
import type { GraphNode } from '../../store/values.js';
import { ClaimFilterArgs } from '../relations/claim-filter.args.js';
import { Direction } from '../common/enums.js';
import { typedRelationsCost } from '../../limits/cost.js';
import { Relation } from '../relations/relation.type.js';
import { textList } from '../common/strings.js';
import type { GraphContext } from '../context.js';
import { Entity } from './entity.interface.js';
import { registerEntityType } from './entity-registry.js';
import { Node } from './node.interface.js';
import { briefEnds, related } from '../relations/related.js';

@ObjectType({
  implements: [Node, Entity],
  description: 'A sector of industry or trade, in a hierarchy (automotive > heavy vehicles > heavy trucks).',
})
export class Sector extends Entity {
  @Field(() => [String], { description: 'Harmonized System codes that cross-reference the sector.' })
  hsCodes!: string[];

  @Field(() => [String], { description: 'NAICS codes that cross-reference the sector.' })
  naicsCodes!: string[];

  static from(node: GraphNode): Sector {
    const p = node.properties;
    return Object.assign(Entity.fill(new Sector(), node), {
      hsCodes: textList(p.hsCodes),
      naicsCodes: textList(p.naicsCodes),
    });
  }

  @Field(() => [Relation], {
    complexity: typedRelationsCost,
    description: 'Broader sectors this one belongs to.',
  })
  parents(
    @Args(() => ClaimFilterArgs) filter: ClaimFilterArgs,
    @Ctx() ctx: GraphContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Relation[]> {
    return related(this, ctx, ['SUBSECTOR_OF'], Direction.OUT, filter, briefEnds(info));
  }

  @Field(() => [Relation], {
    complexity: typedRelationsCost,
    description: 'Narrower sectors within this one.',
  })
  subsectors(
    @Args(() => ClaimFilterArgs) filter: ClaimFilterArgs,
    @Ctx() ctx: GraphContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Relation[]> {
    return related(this, ctx, ['SUBSECTOR_OF'], Direction.IN, filter, briefEnds(info));
  }

  @Field(() => [Relation], {
    complexity: typedRelationsCost,
    description: 'Companies, plants and associations in the sector.',
  })
  organisations(
    @Args(() => ClaimFilterArgs) filter: ClaimFilterArgs,
    @Ctx() ctx: GraphContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Relation[]> {
    return related(this, ctx, ['IN_SECTOR'], Direction.IN, filter, briefEnds(info));
  }

  @Field(() => [Relation], {
    complexity: typedRelationsCost,
    description: 'Policies that bear on the sector.',
  })
  affectedBy(
    @Args(() => ClaimFilterArgs) filter: ClaimFilterArgs,
    @Ctx() ctx: GraphContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Relation[]> {
    return related(this, ctx, ['AFFECTS'], Direction.IN, filter, briefEnds(info));
  }
}

registerEntityType('Sector', (node) => Sector.from(node));
