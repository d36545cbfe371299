import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, Field, Info, ObjectType } from 'type-graphql';
import type { GraphNode } from '../../store/values.js';
import { ClaimFilterArgs } from '../relations/claim-filter.args.js';
import { Direction } from '../common/enums.js';
import { typedRelationsCost } from '../../limits/cost.js';
import { Relation } from '../relations/relation.type.js';
import type { GraphContext } from '../context.js';
import { Entity } from './entity.interface.js';
import { registerEntityType } from './entity-registry.js';
import { Node } from './node.interface.js';
import { briefEnds, related } from '../relations/related.js';

@ObjectType({ implements: [Node, Entity], description: 'A person named by a source, with roles.' })
export class Person extends Entity {
  static from(node: GraphNode): Person {
    return Entity.fill(new Person(), node);
  }

  @Field(() => [Relation], {
    complexity: typedRelationsCost,
    description: 'Organisations the person works for, with the role each source gives.',
  })
  roles(
    @Args(() => ClaimFilterArgs) filter: ClaimFilterArgs,
    @Ctx() ctx: GraphContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Relation[]> {
    return related(this, ctx, ['WORKS_FOR'], Direction.OUT, filter, briefEnds(info));
  }
}

registerEntityType('Person', (node) => Person.from(node));
