import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, ID, Info, Int, Query, Resolver, type ClassType } from 'type-graphql';
import { isEntityKind, type NodeKind } from '../../domain/kinds.js';
import type { GraphNode } from '../../store/values.js';
import { Connection, decodeCursor, toPage, type ConnectionShape } from '../common/connection.js';
import { pageCost } from '../../limits/cost.js';
import { checkFirst } from '../../limits/check-arguments.js';
import type { GraphContext } from '../context.js';
import { findIgnoringCase } from '../../search/suggest.js';
import { selectsFieldOfType } from '../common/selection.js';
import { relationFieldsEnds } from '../relations/related.js';

/** "an agency", "a company": the indefinite article by the word's first letter (no kind starts with a silent h or a "you" sound). */
const withArticle = (word: string): string => `${/^[aeiou]/.test(word) ? 'An' : 'A'} ${word}`;

/**
 * The two queries every kind has: one by id (`company(id:)`, null when unknown or of another kind)
 * and a page in id order (`companies(first:, after:)`).
 */
export function createKindResolver<T extends { id: string }>(
  kind: NodeKind,
  type: ClassType<T>,
  from: (node: GraphNode) => T,
  names: { one: string; many: string },
): ClassType {
  const ConnectionType = Connection(kind, type);

  @Resolver()
  class KindResolver {
    @Query(() => type, {
      name: names.one,
      nullable: true,
      description: `${withArticle(kind.toLowerCase())} by id, whatever its case ("Freightliner" finds freightliner; the answer's id is the canonical form); null when there is none.`,
    })
    async one(
      @Arg('id', () => ID, { description: 'The id to look up.' }) id: string,
      @Ctx() ctx: GraphContext,
      @Info() info: GraphQLResolveInfo,
    ): Promise<T | null> {
      // When relationships are asked for, one statement reads the entity with its claims (the
      // node is then found without a lookup of its own; an entity without claims still needs one).
      if (isEntityKind(kind) && selectsFieldOfType(info, 'Relation')) {
        await ctx.loaders.relationsOfKind(kind, relationFieldsEnds(info)).load(id);
      }
      const node =
        (await ctx.loaders.ofKind(kind).load(id)) ?? (await findIgnoringCase(ctx.store, id, [kind]));
      return node && node.kind === kind ? from(node) : null;
    }

    @Query(() => ConnectionType, {
      name: names.many,
      description: `${kind} items, a page at a time, in id order.`,
      complexity: pageCost(1),
    })
    async many(
      @Arg('first', () => Int, {
        description: "Page size: 1 to the server's maxFirst (200 unless configured).",
      })
      first: number,
      @Arg('after', () => String, { nullable: true, description: 'Cursor from the previous page.' })
      after: string | null,
      @Ctx() ctx: GraphContext,
    ): Promise<ConnectionShape<T>> {
      const limit = checkFirst(first, ctx.limits);
      const nodes = await ctx.loaders.page(kind, decodeCursor(after), limit + 1);
      return toPage(
        nodes.map((node) => from(node)),
        limit,
        (item) => item.id,
      );
    }
  }
  return KindResolver;
}
