import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, Field, Info, ObjectType } from 'type-graphql';
import type { GraphNode } from '../../store/values.js';
import { ClaimFilterArgs } from '../relations/claim-filter.args.js';
import { Direction } from '../common/enums.js';
import { typedRelationsCost } from '../../limits/cost.js';
import { Relation } from '../relations/relation.type.js';
import { textOrNull } from '../common/strings.js';
import type { GraphContext } from '../context.js';
import { DatedFact, datedFacts } from './dated-fact.type.js';
import { Entity } from './entity.interface.js';
import { registerEntityType } from './entity-registry.js';
import { Node } from './node.interface.js';
import { briefEnds, related } from '../relations/related.js';

@ObjectType({
  implements: [Node, Entity],
  description: 'A trade agreement, review, tariff, programme, regulation or standard.',
})
export class Policy extends Entity {
  @Field(() => String, { description: 'agreement, review, tariff, program, regulation or standard.' })
  policyType!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'When it starts or started (YYYY, YYYY-MM or YYYY-MM-DD): the earliest date any source gives (the only one when they agree). Every source’s date is in startDateFacts.',
  })
  startDate!: string | null;

  @Field(() => [DatedFact], { description: 'When it starts or started, as each source states it.' })
  startDateFacts!: DatedFact[];

  @Field(() => String, {
    nullable: true,
    description:
      'When it ends or ended: the earliest date any source gives (the only one when they agree). Every source’s date is in endDateFacts.',
  })
  endDate!: string | null;

  @Field(() => [DatedFact], { description: 'When it ends or ended, as each source states it.' })
  endDateFacts!: DatedFact[];

  static from(node: GraphNode): Policy {
    const p = node.properties;
    const startDate = datedFacts(node, 'startDate');
    const endDate = datedFacts(node, 'endDate');
    return Object.assign(Entity.fill(new Policy(), node), {
      policyType: textOrNull(p.policyType) ?? '',
      startDate: startDate.value,
      startDateFacts: startDate.facts,
      endDate: endDate.value,
      endDateFacts: endDate.facts,
    });
  }

  @Field(() => [Relation], {
    complexity: typedRelationsCost,
    description: 'Countries party to the policy, or that impose it.',
  })
  parties(
    @Args(() => ClaimFilterArgs) filter: ClaimFilterArgs,
    @Ctx() ctx: GraphContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Relation[]> {
    return related(this, ctx, ['PARTY_TO'], Direction.IN, filter, briefEnds(info));
  }

  @Field(() => [Relation], {
    complexity: typedRelationsCost,
    description: 'Sectors, companies and countries the policy bears on.',
  })
  affects(
    @Args(() => ClaimFilterArgs) filter: ClaimFilterArgs,
    @Ctx() ctx: GraphContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Relation[]> {
    return related(this, ctx, ['AFFECTS'], Direction.OUT, filter, briefEnds(info));
  }

  @Field(() => [Relation], {
    complexity: typedRelationsCost,
    description: 'The policy this one reviews, amends or belongs to.',
  })
  partOf(
    @Args(() => ClaimFilterArgs) filter: ClaimFilterArgs,
    @Ctx() ctx: GraphContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Relation[]> {
    return related(this, ctx, ['PART_OF'], Direction.OUT, filter, briefEnds(info));
  }

  @Field(() => [Relation], {
    complexity: typedRelationsCost,
    description: 'Reviews, amendments and parts of this policy.',
  })
  parts(
    @Args(() => ClaimFilterArgs) filter: ClaimFilterArgs,
    @Ctx() ctx: GraphContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Relation[]> {
    return related(this, ctx, ['PART_OF'], Direction.IN, filter, briefEnds(info));
  }
}

registerEntityType('Policy', (node) => Policy.from(node));
