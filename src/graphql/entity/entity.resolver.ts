import { Arg, Ctx, Field, Float, ID, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { foldForSearch } from '../../domain/normalize.js';
import { searchEntities } from '../../store/catalog.js';
import type { GraphNode } from '../../store/values.js';
import { NodeKindEnum } from '../common/enums.js';
import { pageCost, PRICE } from '../common/cost.js';
import { MAX_SEARCH_TEXT, checkFirst } from '../common/limits.js';
import type { GraphContext } from '../context.js';
import { BadUserInputError } from '../errors.js';
import { Source } from '../source/source.type.js';
import { Statistic } from '../statistic/statistic.type.js';
import { statisticFromNode } from '../../queries/statistics.js';
import { Entity } from './entity.interface.js';
import { toEntity } from './entity-registry.js';
import { Node } from './node.interface.js';

@ObjectType({ description: 'One search result.' })
export class SearchHit {
  @Field(() => Node, { description: 'The entity or source found.' })
  node!: Node;

  @Field(() => Float, {
    description:
      'Relevance: 100 exact name or alias, 50 name starting with the text, 30 a word starting with it, 10 other.',
  })
  score!: number;
}

/** The GraphQL object for any node: entity, statistic or source. */
export function toNode(node: GraphNode): Node | null {
  if (node.kind === 'Source') return Source.from(node);
  if (node.kind === 'Statistic') return Statistic.from(statisticFromNode(node));
  return toEntity(node);
}

/** Escapes Lucene's query syntax so a search text is matched literally by Neo4j's full-text index. */
const luceneTerm = (text: string): string => text.replace(/[+\-&|!(){}[\]^"~*?:\\/]/g, '\\$&');

@Resolver()
export class EntityResolver {
  @Query(() => Node, { nullable: true, description: 'Any node by id: an entity, statistic or source.' })
  async node(
    @Arg('id', () => ID, { description: 'The id to look up.' }) id: string,
    @Ctx() ctx: GraphContext,
  ): Promise<Node | null> {
    const node = await ctx.loaders.nodes.load(id);
    return node ? toNode(node) : null;
  }

  @Query(() => Entity, { nullable: true, description: 'Any entity by id, whatever its kind.' })
  async entity(
    @Arg('id', () => ID, { description: 'The id to look up.' }) id: string,
    @Ctx() ctx: GraphContext,
  ): Promise<Entity | null> {
    const node = await ctx.loaders.nodes.load(id);
    return node ? toEntity(node) : null;
  }

  @Query(() => [SearchHit], {
    description:
      'Find entities and sources by name, alias or id, ignoring case and accents ("anpact", "Asociación Nacional…", "navistar"), best first.',
    complexity: pageCost(20, PRICE.scan),
  })
  async search(
    @Arg('text', () => String, {
      description: `What to look for (at least 2 letters or digits, at most ${MAX_SEARCH_TEXT} characters).`,
    })
    text: string,
    @Arg('kinds', () => [NodeKindEnum], { nullable: true, description: 'Only these kinds.' })
    kinds: string[] | null,
    @Arg('first', () => Int, {
      nullable: true,
      description:
        "How many results: 20 when left out, at most the server's maxFirst (200 unless configured).",
    })
    first: number | null,
    @Ctx() ctx: GraphContext,
  ): Promise<SearchHit[]> {
    if (text.length > MAX_SEARCH_TEXT) {
      throw new BadUserInputError(
        `text: give at most ${MAX_SEARCH_TEXT} characters (got ${text.length})`,
        'text',
      );
    }
    const term = foldForSearch(text);
    if (term.length < 2)
      throw new BadUserInputError('text: give at least 2 letters or digits to search for', 'text');
    const rows = await ctx.store.read(searchEntities, {
      term,
      exact: `|${term}|`,
      prefix: `|${term}`,
      wordStart: ` ${term}`,
      luceneQuery: term
        .split(' ')
        .map((word) => `${luceneTerm(word)}*`)
        .join(' AND '),
      kinds: (kinds ?? []).filter((kind) => kind !== 'Statistic'),
      limit: checkFirst(first ?? Math.min(20, ctx.limits.maxFirst), ctx.limits),
    });
    const hits: SearchHit[] = [];
    for (const row of rows) {
      ctx.loaders.remember(row.node);
      const node = toNode(row.node);
      if (node) hits.push(Object.assign(new SearchHit(), { node, score: row.score }));
    }
    return hits;
  }
}
