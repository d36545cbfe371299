import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, Field, Info, ObjectType } from 'type-graphql';
import type { GraphNode } from '../../store/values.js';
import { ClaimFilterArgs } from '../relations/claim-filter.args.js';
import { Direction } from '../common/enums.js';
import { typedRelationsCost } from '../../limits/cost.js';
import { Relation } from '../relations/relation.type.js';
import { textList, textOrNull } from '../common/strings.js';
import type { GraphContext } from '../context.js';
import { DatedFact, datedFacts } from './dated-fact.type.js';
import { Entity } from './entity.interface.js';
import { registerEntityType } from './entity-registry.js';
import { Node } from './node.interface.js';
import { briefEnds, related } from '../relations/related.js';

@ObjectType({
  implements: [Node, Entity],
  description: 'A facility: plant, office, warehouse, test centre or industrial park.',
})
export class Plant extends Entity {
  @Field(() => String, { description: 'plant, office, warehouse, test-center, industrial-park or other.' })
  facilityType!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'When it opened (YYYY, YYYY-MM or YYYY-MM-DD), if a source says: the earliest date any source gives (the only one when they agree). Every source’s date is in openedFacts.',
  })
  opened!: string | null;

  @Field(() => [DatedFact], {
    description: 'When it opened, as each source states it (sources that disagree stand side by side).',
  })
  openedFacts!: DatedFact[];

  @Field(() => [String], { description: 'What it makes, as sources describe it.' })
  products!: string[];

  static from(node: GraphNode): Plant {
    const p = node.properties;
    const opened = datedFacts(node, 'opened');
    return Object.assign(Entity.fill(new Plant(), node), {
      facilityType: textOrNull(p.facilityType) ?? '',
      opened: opened.value,
      openedFacts: opened.facts,
      products: textList(p.products),
    });
  }

  @Field(() => [Relation], {
    complexity: typedRelationsCost,
    description: 'Companies that run the facility.',
  })
  owners(
    @Args(() => ClaimFilterArgs) filter: ClaimFilterArgs,
    @Ctx() ctx: GraphContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Relation[]> {
    return related(this, ctx, ['OPERATES'], Direction.IN, filter, briefEnds(info));
  }

  @Field(() => [Relation], {
    complexity: typedRelationsCost,
    description: 'Where the facility is.',
  })
  locations(
    @Args(() => ClaimFilterArgs) filter: ClaimFilterArgs,
    @Ctx() ctx: GraphContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Relation[]> {
    return related(this, ctx, ['LOCATED_IN'], Direction.OUT, filter, briefEnds(info));
  }

  @Field(() => [Relation], {
    complexity: typedRelationsCost,
    description: 'Sectors the facility works in.',
  })
  sectors(
    @Args(() => ClaimFilterArgs) filter: ClaimFilterArgs,
    @Ctx() ctx: GraphContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Relation[]> {
    return related(this, ctx, ['IN_SECTOR'], Direction.OUT, filter, briefEnds(info));
  }
}

registerEntityType('Plant', (node) => Plant.from(node));
