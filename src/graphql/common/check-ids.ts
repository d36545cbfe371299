import type { NodeKind } from '../../domain/kinds.js';
import { didYouMean } from '../../search/suggest.js';
import type { GraphContext } from '../context.js';
import { BadUserInputError } from '../errors.js';

const article = (kind: string): string => (/^[AEIOU]/.test(kind) ? `an ${kind}` : `a ${kind}`);

/**
 * Refuses ids that name no node, or a node of another kind than the argument takes, never
 * answering an empty list in silence: a BAD_USER_INPUT naming the argument and each id, with the
 * ids it may mean (src/search/suggest.ts, the CLI's rule: by id in any case, name, alias, or a
 * close spelling; of the kinds asked for), also in `extensions.suggestions`.
 */
export async function checkIds(
  ids: readonly string[],
  ctx: GraphContext,
  argument: string,
  kinds: readonly NodeKind[] = [],
): Promise<void> {
  if (ids.length === 0) return;
  const found = await ctx.loaders.nodes.loadMany([...ids]);
  const missing: string[] = [];
  const wrongKind: { id: string; kind: string }[] = [];
  ids.forEach((id, i) => {
    const node = found[i];
    if (node instanceof Error) throw node;
    if (node === null || node === undefined) missing.push(id);
    else if (kinds.length > 0 && !kinds.includes(node.kind)) wrongKind.push({ id, kind: node.kind });
  });
  if (missing.length === 0 && wrongKind.length === 0) return;
  const what = kinds.length === 0 ? 'entity' : kinds.join(' or ');
  // The missing ids are known from the lookup above (not looked up again); the suggestions of
  // every id of the request are searched for together (ctx.loaders.suggestions).
  const problems = await Promise.all([
    ...[...new Set(missing)].map(async (id) => ({
      text: `no ${what} has the id "${id}"`,
      suggestions: await ctx.loaders.suggestions.load({ text: id, kinds }),
    })),
    ...wrongKind.map(async (w) => ({
      text: `"${w.id}" is ${article(w.kind)}, not ${kinds.map(article).join(' or ')}`,
      suggestions: await ctx.loaders.suggestions.load({ text: w.id, kinds }),
    })),
  ]);
  throw new BadUserInputError(
    `${argument}: ${problems.map((p) => `${p.text}${didYouMean(p.suggestions)}`).join('; ')}. Ids are case-sensitive; the search query finds ids by name.`,
    argument,
    problems.flatMap((p) => p.suggestions),
  );
}
