/**
 * Folds text for matching: lower case, accents removed, punctuation to single spaces.
 * "Asociación Nacional de Productores" and "asociacion nacional de productores" fold alike.
 */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The text a node is found by: its id, name and aliases, folded and joined by `|` so a match never spans two names. */
export function searchTextOf(id: string, name: string, aliases: readonly string[]): string {
  const parts = [id, name, ...aliases].map(foldForSearch).filter((part) => part.length > 0);
  return `|${[...new Set(parts)].join('|')}|`;
}
