import { foldForSearch } from '../domain/normalize.js';

export { luceneQuery, luceneTerm, searchNodes, type SearchHitRow } from '../store/search-nodes.js';

/** The text searched for, folded (case, accents, punctuation) as the stored search text is. */
export const searchTerm = (text: string): string => foldForSearch(text);
