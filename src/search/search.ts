import { foldForSearch } from '../domain/normalize.js';
import { searchEntities } from '../store/catalog.js';
import type { GraphStore } from '../store/graph-store.js';
import type { GraphNode } from '../store/values.js';

/** Escapes Lucene's query syntax so a search text is matched literally by Neo4j's full-text index. */
export const luceneTerm = (text: string): string => text.replace(/[+\-&|!(){}[\]^"~*?:\\/]/g, '\\$&');

/** The query Neo4j's full-text index is asked first: every word of the folded text, as a prefix. */
export function luceneQuery(term: string): string {
  return term
    .split(' ')
    .map((word) => `${luceneTerm(word)}*`)
    .join(' AND ');
}

/** The text searched for, folded (case, accents, punctuation) as the stored search text is. */
export const searchTerm = (text: string): string => foldForSearch(text);

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
    term,
    exact: `|${term}|`,
    prefix: `|${term}`,
    wordStart: ` ${term}`,
    luceneQuery: luceneQuery(term),
    kinds: options.kinds.filter((kind) => kind !== 'Statistic'),
    limit: options.limit,
  });
}
