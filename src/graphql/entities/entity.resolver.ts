import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { GraphContext } from '../context.js';
import { findIgnoringCase } from '../../search/suggest.js';
import { Entity } from './entity.interface.js';
import { toEntity } from './entity-registry.js';
import { Node } from './node.interface.js';
import { toNode } from './to-node.js';

@Resolver()
export class EntityResolver {
  @Query(() => Node, { nullable: true, description: 'Any node by id: an entity, statistic or source.' })
  async node(
    @Arg('id', () => ID, { description: 'The id to look up.' }) id: string,
    @Ctx() ctx: GraphContext,
  ): Promise<Node | null> {
    const node = (await ctx.loaders.nodes.load(id)) ?? (await findIgnoringCase(ctx.store, id));
    return node ? toNode(node) : null;
  }

  @Query(() => Entity, { nullable: true, description: 'Any entity by id, whatever its kind.' })
  async entity(
    @Arg('id', () => ID, { description: 'The id to look up.' }) id: string,
    @Ctx() ctx: GraphContext,
  ): Promise<Entity | null> {
    const node = (await ctx.loaders.nodes.load(id)) ?? (await findIgnoringCase(ctx.store, id));
    return node ? toEntity(node) : null;
  }
}
