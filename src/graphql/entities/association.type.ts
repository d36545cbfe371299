import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, Field, Info, ObjectType } from 'type-graphql';
import type { GraphNode } from '../../store/values.js';
import { ClaimFilterArgs } from '../relations/claim-filter.args.js';
import { ExcludedMemberArgs, MemberFilterArgs } from '../relations/member-filter.args.js';
import { membersAtDate } from '../relations/members-at.js';
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

@ObjectType({ implements: [Node, Entity], description: 'An industry association, such as Anpact.' })
export class Association extends Entity {
  @Field(() => String, { nullable: true, description: 'Full name in Spanish.' })
  nameEs!: string | null;

  @Field(() => String, { nullable: true, description: 'Full name in English.' })
  nameEn!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'When it was founded, if a source says: the earliest date any source gives (the only one when they agree). Every source’s date is in foundedFacts.',
  })
  founded!: string | null;

  @Field(() => [DatedFact], {
    description: 'When it was founded, as each source states it (sources that disagree stand side by side).',
  })
  foundedFacts!: DatedFact[];

  static from(node: GraphNode): Association {
    const p = node.properties;
    const founded = datedFacts(node, 'founded');
    return Object.assign(Entity.fill(new Association(), node), {
      nameEs: textOrNull(p.nameEs),
      nameEn: textOrNull(p.nameEn),
      founded: founded.value,
      foundedFacts: founded.facts,
    });
  }

  @Field(() => [Relation], {
    complexity: typedRelationsCost,
    description:
      'Member companies, each with the sources that state the membership and their dates: every company any source names, or with asOf ("2024") the members at that date (see the argument). Filter by source with source.',
  })
  async members(
    @Args(() => MemberFilterArgs) filter: MemberFilterArgs,
    @Ctx() ctx: GraphContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Relation[]> {
    if (filter.asOf === undefined || filter.asOf === null) {
      return related(
        this,
        ctx,
        ['MEMBER_OF'],
        Direction.IN,
        filter.source ? { source: filter.source } : {},
        briefEnds(info),
      );
    }
    return (await membersAtDate(this, ctx, filter.asOf, filter.source, briefEnds(info))).members;
  }

  @Field(() => [Relation], {
    complexity: typedRelationsCost,
    description:
      'Companies some source names a member but that were not members at asOf (only later claims, none since though later sources list members, or undated), each with the claims that decide it and a note saying why.',
  })
  async excludedMembers(
    @Args(() => ExcludedMemberArgs) filter: ExcludedMemberArgs,
    @Ctx() ctx: GraphContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Relation[]> {
    return (await membersAtDate(this, ctx, filter.asOf, filter.source, briefEnds(info))).excluded;
  }

  @Field(() => [Relation], {
    complexity: typedRelationsCost,
    description: 'People who hold roles in the association.',
  })
  people(
    @Args(() => ClaimFilterArgs) filter: ClaimFilterArgs,
    @Ctx() ctx: GraphContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Relation[]> {
    return related(this, ctx, ['WORKS_FOR'], Direction.IN, filter, briefEnds(info));
  }

  @Field(() => [Relation], {
    complexity: typedRelationsCost,
    description: 'Where the association is present.',
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
    description: 'Where the association has its headquarters.',
  })
  headquarters(
    @Args(() => ClaimFilterArgs) filter: ClaimFilterArgs,
    @Ctx() ctx: GraphContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Relation[]> {
    return related(this, ctx, ['HEADQUARTERED_IN'], Direction.OUT, filter, briefEnds(info));
  }

  @Field(() => [Relation], {
    complexity: typedRelationsCost,
    description: 'Sectors the association represents.',
  })
  sectors(
    @Args(() => ClaimFilterArgs) filter: ClaimFilterArgs,
    @Ctx() ctx: GraphContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Relation[]> {
    return related(this, ctx, ['IN_SECTOR'], Direction.OUT, filter, briefEnds(info));
  }
}

registerEntityType('Association', (node) => Association.from(node));
