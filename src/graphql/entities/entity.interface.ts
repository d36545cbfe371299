import { Ctx, Field, InterfaceType } from 'type-graphql';
import type { EntityKind } from '../../domain/kinds.js';
import type { GraphNode } from '../../store/values.js';
import { ASSUMED_SIZE, listCost } from '../../limits/cost.js';
import { NodeKindEnum } from '../common/enums.js';
import { textList, textOrNull } from '../common/strings.js';
import type { GraphContext } from '../context.js';
import { Source } from './source.type.js';
import { Node } from './node.interface.js';

@InterfaceType({
  implements: Node,
  description:
    'A named thing in the trade graph: company, plant, association, sector, policy, country, region, person or agency.',
  resolveType: (value: { constructor: { name: string } }) => value.constructor.name,
})
export abstract class Entity extends Node {
  // Two more fields of every entity are resolved where their types live: `relations`
  // (src/graphql/relations/entity-relations.resolver.ts) and `statistics`
  // (src/graphql/statistics/entity-statistics.resolver.ts), so this interface imports neither.

  @Field(() => NodeKindEnum, { description: 'The kind of entity.' })
  kind!: EntityKind;

  @Field(() => String, { description: 'Usual name.' })
  name!: string;

  @Field(() => [String], { description: 'Other names: spellings, Spanish names, acronyms.' })
  aliases!: string[];

  @Field(() => String, { nullable: true, description: 'A short description in our own words.' })
  description!: string | null;

  @Field(() => String, { nullable: true, description: 'Wikidata item id (Q…), when known.' })
  wikidata!: string | null;

  sourceIds!: string[];
  /** Every stored property of the node, for the fields of each entity type. */
  properties!: GraphNode['properties'];

  /** Copies the common entity fields of a node onto a new instance of an entity type. */
  static fill<T extends Entity>(entity: T, node: GraphNode): T {
    const p = node.properties;
    return Object.assign(entity, {
      id: node.id,
      kind: node.kind as EntityKind,
      name: textOrNull(p.name) ?? node.id,
      aliases: textList(p.aliases),
      description: textOrNull(p.description),
      wikidata: textOrNull(p.wikidata),
      sourceIds: textList(p.sources),
      properties: p,
    });
  }

  @Field(() => [Source], {
    description: 'The sources that describe this entity.',
    complexity: listCost(ASSUMED_SIZE.sources),
  })
  async sources(@Ctx() ctx: GraphContext): Promise<Source[]> {
    const nodes = await ctx.loaders.ofKind('Source').loadMany(this.sourceIds);
    return nodes
      .filter((n): n is GraphNode => n !== null && !(n instanceof Error))
      .map((n) => Source.from(n));
  }
}
