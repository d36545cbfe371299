import { foldForSearch } from '../domain/normalize.js';

export {
  luceneQuery,
  luceneTerm,
  searchNodes,
  searchNodesEach,
  type SearchHitRow,
} from '../store/search-nodes.js';

/** The text searched for, folded (case, accents, punctuation) as the stored search text is. */
export const searchTerm = (text: string): string => foldForSearch(text);

/**
 * What is wrong with a search text, as the message the API (BAD_USER_INPUT) and the CLI both give,
 * or null when it can be searched for. `maxChars` is the caller's limit (MAX_SEARCH_TEXT).
 */
export function searchTextProblem(text: string, maxChars: number): string | null {
  if (text.length > maxChars) return `text: give at most ${maxChars} characters (got ${text.length})`;
  if (searchTerm(text).length < 2) return 'text: give at least 2 letters or digits to search for';
  return null;
}
