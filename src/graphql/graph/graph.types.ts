import { Ctx, Field, ID, Int, ObjectType } from 'type-graphql';
import type { GraphContext } from '../context.js';
import { Claim } from '../relations/claim.type.js';
import { ASSUMED_SIZE, listCost } from '../../limits/cost.js';
import { RelationshipTypeEnum } from '../common/enums.js';
import { Entity } from '../entities/entity.interface.js';
import { toEntity } from '../entities/entity-registry.js';

@ObjectType({ description: 'One relationship claim between two entities, with its source.' })
export class Edge extends Claim {
  @Field(() => RelationshipTypeEnum, { description: 'The type of relationship.' })
  type!: string;

  @Field(() => ID, { description: 'Id of the entity the relationship starts at.' })
  fromId!: string;

  @Field(() => ID, { description: 'Id of the entity the relationship ends at.' })
  toId!: string;

  @Field(() => Entity, { nullable: true, description: 'The entity the relationship starts at.' })
  async from(@Ctx() ctx: GraphContext): Promise<Entity | null> {
    const node = await ctx.loaders.nodes.load(this.fromId);
    return node ? toEntity(node) : null;
  }

  @Field(() => Entity, { nullable: true, description: 'The entity the relationship ends at.' })
  async to(@Ctx() ctx: GraphContext): Promise<Entity | null> {
    const node = await ctx.loaders.nodes.load(this.toId);
    return node ? toEntity(node) : null;
  }
}

@ObjectType({ description: 'Entities around one entity and the claims that link them.' })
export class Neighbourhood {
  @Field(() => [Entity], { description: 'The entity asked about first, then the others by distance.' })
  nodes!: Entity[];

  @Field(() => [Edge], {
    description: 'The claims linking them, one per (type, ends, source).',
    complexity: listCost(ASSUMED_SIZE.edgesPerNode),
  })
  edges!: Edge[];

  @Field(() => Boolean, { description: 'True when `first` cut the neighbourhood short.' })
  truncated!: boolean;
}

@ObjectType({
  description: 'A chain of relationships from one entity to another; every edge cites its source.',
})
export class Path {
  @Field(() => Int, { description: 'Number of relationships.' })
  length!: number;

  @Field(() => [Entity], { description: 'The entities along the path, in order.' })
  nodes!: Entity[];

  @Field(() => [Edge], {
    description: 'The relationships along the path, in order (each may run either way).',
  })
  edges!: Edge[];
}
