import { Args, ArgsType, Ctx, Field, InterfaceType } from 'type-graphql';
import type { EntityKind } from '../../domain/kinds.js';
import type { GraphNode } from '../../store/values.js';
import { Claim } from '../relations/claim.type.js';
import { ClaimFilterArgs } from '../relations/claim-filter.args.js';
import { ASSUMED_SIZE, entityStatisticsCost, listCost, relationsCost } from '../../limits/cost.js';
import { Direction, NodeKindEnum, RelationshipTypeEnum } from '../common/enums.js';
import { textList, textOrNull } from '../common/strings.js';
import type { GraphContext } from '../context.js';
import type { RelationClaim } from '../loaders.js';
import { Relation } from '../relations/relation.type.js';
import { Source } from './source.type.js';
import { Statistic } from '../statistics/statistic.type.js';
import { StatisticFilterArgs, toStatisticQuery } from '../statistics/statistic-filter.args.js';
import { Node } from './node.interface.js';
import { toEntity } from './entity-registry.js';

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

@InterfaceType({
  implements: Node,
  description:
    'A named thing in the trade graph: company, plant, association, sector, policy, country, region, person or agency.',
  resolveType: (value: { constructor: { name: string } }) => value.constructor.name,
})
export abstract class Entity extends Node {
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

  @Field(() => [Relation], {
    description: 'Related entities of any type, each with the claims (sources) that relate them.',
    complexity: relationsCost,
  })
  async relations(
    @Args(() => RelationArgs) args: RelationArgs,
    @Ctx() ctx: GraphContext,
  ): Promise<Relation[]> {
    return this.related(ctx, args.types ?? null, args.direction, args);
  }

  @Field(() => [Statistic], {
    description: 'Statistics measuring this entity, ordered by period.',
    complexity: entityStatisticsCost,
  })
  async statistics(
    @Args(() => StatisticFilterArgs) args: StatisticFilterArgs,
    @Ctx() ctx: GraphContext,
  ): Promise<Statistic[]> {
    const found = await ctx.loaders.statistics.load({
      subjectId: this.id,
      filter: toStatisticQuery(args),
      kind: this.kind,
    });
    return found.map((s) => Statistic.from(s));
  }

  /** Relations of some types in one direction, one per related entity, with all their claims. */
  protected async related(
    ctx: GraphContext,
    types: readonly string[] | null,
    direction: Direction,
    filter: ClaimFilterArgs = {},
  ): Promise<Relation[]> {
    const claims = await ctx.loaders.relationsOfKind(this.kind).load(this.id);
    const kept = claims.filter(
      (c: RelationClaim) =>
        (types === null || types.includes(c.type)) &&
        (direction === Direction.BOTH || c.direction === direction) &&
        (!filter.asOf || (c.asOf ?? '').startsWith(filter.asOf)) &&
        (!filter.source || c.sourceId === filter.source),
    );
    const grouped = new Map<string, Relation>();
    for (const claim of kept) {
      const key = `${claim.type}|${claim.direction}|${claim.other.id}`;
      let relation = grouped.get(key);
      if (!relation) {
        const node = toEntity(claim.other);
        if (!node) continue;
        relation = Object.assign(new Relation(), {
          type: claim.type,
          direction: claim.direction as Direction,
          node,
          claims: [],
        });
        grouped.set(key, relation);
      }
      relation.claims.push(
        Object.assign(new Claim(), {
          sourceId: claim.sourceId,
          asOf: claim.asOf,
          role: claim.role,
          since: claim.since,
          until: claim.until,
          note: claim.note,
        }),
      );
    }
    const relations = [...grouped.values()];
    // The statement returns claims in no defined order (each engine has its own): newest first.
    for (const relation of relations) relation.claims.sort(compareClaims);
    return relations.sort((a, b) => a.type.localeCompare(b.type) || a.node.name.localeCompare(b.node.name));
  }
}

/** Newest `asOf` first (undated last), then by source id and role, so both engines list claims alike. */
function compareClaims(a: Claim, b: Claim): number {
  if (a.asOf !== b.asOf) {
    if (a.asOf === null) return 1;
    if (b.asOf === null) return -1;
    return a.asOf < b.asOf ? 1 : -1;
  }
  return a.sourceId.localeCompare(b.sourceId) || (a.role ?? '').localeCompare(b.role ?? '');
}
