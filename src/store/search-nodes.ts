import { searchEntities, searchEntitiesEach } from './catalog.js';
import type { GraphStore } from './graph-store.js';
import type { GraphNode } from './values.js';

/**
 * The ranked search of names, aliases and ids as one store read (the `search-entities` statement,
 * whose Neo4j dialect asks its full-text index first): what `src/search/` answers with, and what
 * the import asks when it looks for possible duplicates.
 */

/** Escapes Lucene's query syntax so a search text is matched literally by Neo4j's full-text index. */
export const luceneTerm = (text: string): string => text.replace(/[+\-&|!(){}[\]^"~*?:\\/]/g, '\\$&');

/**
 * Words Neo4j's `standard-folding` analyser leaves out of its full-text index (Lucene's English stop
 * words): a query term for one of them can never match, though the name contains the word.
 */
const INDEX_STOP_WORDS: ReadonlySet<string> = new Set(
  'a an and are as at be but by for if in into is it no not of on or such that the their then there these they this to was will with'.split(
    ' ',
  ),
);

/**
 * Bounds on the full-text query: Lucene refuses a wildcard word of thousands of characters (its
 * automaton is "too complex to determinize") and a query of more than 1,024 clauses. The index is
 * only a first filter, so asking for the first words, each cut short, still finds everything that
 * `CONTAINS $term` then keeps.
 */
const LUCENE_MAX_WORDS = 8;
const LUCENE_MAX_WORD_LENGTH = 32;

/**
 * The query Neo4j's full-text index is asked first: every word of the folded text anywhere in an
 * indexed word (`*word*`), so it finds at least what the statement's `CONTAINS $term` then keeps,
 * as the embedded engine's scan does. Stop words are left out (the index has none of them); a
 * text of stop words alone asks for every indexed entity. Long texts ask for a bounded prefix of
 * their words (see the bounds above).
 */
export function luceneQuery(term: string): string {
  const words = [
    ...new Set(
      term
        .split(' ')
        .filter((word) => word.length > 0 && !INDEX_STOP_WORDS.has(word))
        .map((word) => word.slice(0, LUCENE_MAX_WORD_LENGTH)),
    ),
  ].slice(0, LUCENE_MAX_WORDS);
  return words.length === 0 ? '*' : words.map((word) => `*${luceneTerm(word)}*`).join(' AND ');
}

export interface SearchHitRow {
  readonly node: GraphNode;
  /** 100 exact name or alias, 50 name starting with the text, 30 a word starting with it, 10 other. */
  readonly score: number;
}

/**
 * Entities and sources whose name, alias or id matches a folded search term, best first. Statistics
 * are never searched (asking for them gives nothing); `kinds` empty means every other kind.
 */
export async function searchNodes(
  store: GraphStore,
  term: string,
  options: { kinds: readonly string[]; limit: number },
): Promise<SearchHitRow[]> {
  return store.read(searchEntities, {
    ...termPatterns(term),
    kinds: searchableKinds(options.kinds),
    limit: options.limit,
  });
}

/** The forms a folded term is matched in: whole name, prefix, word start, and Neo4j's Lucene query. */
function termPatterns(term: string) {
  return {
    term,
    exact: `|${term}|`,
    prefix: `|${term}`,
    wordStart: ` ${term}`,
    luceneQuery: luceneQuery(term),
  };
}

const searchableKinds = (kinds: readonly string[]): string[] => kinds.filter((kind) => kind !== 'Statistic');

/**
 * `searchNodes` for several terms of the same kinds in one store read: the hits of each term, as
 * `searchNodes` would answer it alone.
 */
export async function searchNodesEach(
  store: GraphStore,
  terms: readonly string[],
  options: { kinds: readonly string[]; limit: number },
): Promise<SearchHitRow[][]> {
  const hits: SearchHitRow[][] = terms.map(() => []);
  if (terms.length === 0) return hits;
  const rows = await store.read(searchEntitiesEach, {
    searches: terms.map((term, search) => ({ search, ...termPatterns(term) })),
    kinds: searchableKinds(options.kinds),
    limit: options.limit,
  });
  // Rows come search by search, each ranked: the first `limit` of a search are its answer.
  for (const { search, node, score } of rows) {
    const found = hits[search];
    if (found && found.length < options.limit) found.push({ node, score });
  }
  return hits;
}
