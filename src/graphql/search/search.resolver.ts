import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { searchTerm, searchTextProblem } from '../../search/search.js';
import { NodeKindEnum } from '../common/enums.js';
import { pageCost, PRICE } from '../../limits/cost.js';
import { checkFirst } from '../../limits/check-arguments.js';
import { MAX_SEARCH_TEXT } from '../../limits/query-limits.js';
import type { GraphContext } from '../context.js';
import { toNode } from '../entities/to-node.js';
import { BadUserInputError } from '../errors.js';
import { SearchHit } from './search-hit.type.js';

@Resolver()
export class SearchResolver {
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
    const problem = searchTextProblem(text, MAX_SEARCH_TEXT);
    if (problem !== null) throw new BadUserInputError(problem, 'text');
    const term = searchTerm(text);
    const rows = await ctx.loaders.search(term, {
      kinds: kinds ?? [],
      limit: checkFirst(first ?? Math.min(20, ctx.limits.maxFirst), ctx.limits),
    });
    const hits: SearchHit[] = [];
    for (const row of rows) {
      const node = toNode(row.node);
      if (node) hits.push(Object.assign(new SearchHit(), { node, score: row.score }));
    }
    return hits;
  }
}
