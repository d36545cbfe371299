import { distance } from 'fastest-levenshtein';
import { searchNodes, searchNodesEach, searchTerm, type SearchHitRow } from './search.js';
import type { GraphStore } from '../store/graph-store.js';
import type { GraphNode } from '../store/values.js';

/*
 * "Did you mean …?" for names and ids a user got wrong. Edit distance from fastest-levenshtein
 * (already in the tree through the Cypher language tools, small and dependency-free).
 */

/**
 * The candidates closest to a name, best first: those that start with it or that it starts with,
 * then those within a few edits (a third of the name's length, at least 2). At most `max`.
 */
export function closestNames(name: string, candidates: readonly string[], max = 3): string[] {
  const wanted = name.toLowerCase();
  const allowed = Math.max(2, Math.floor(wanted.length / 3));
  const scored: { candidate: string; score: number }[] = [];
  for (const candidate of candidates) {
    const lower = candidate.toLowerCase();
    // When one starts with the other, the edit distance is the difference of their lengths; and
    // it is never less than that difference, so a candidate too long or too short is out without
    // computing it (a megabyte of text against every name took seconds).
    const apart = Math.abs(wanted.length - lower.length);
    if (lower.startsWith(wanted) || wanted.startsWith(lower)) scored.push({ candidate, score: apart });
    else if (apart <= allowed) {
      const edits = distance(wanted, lower);
      if (edits <= allowed) scored.push({ candidate, score: edits });
    }
  }
  scored.sort((a, b) => a.score - b.score || a.candidate.localeCompare(b.candidate));
  return scored.slice(0, max).map((x) => x.candidate);
}

/**
 * Nodes a mistyped id or a name may mean, best first (the one rule of the CLI and the API):
 * search by name, alias or id; when that finds nothing, what starts with the same three letters
 * and is close by closestNames (a typo inside the word: "anpct", "heavy-truks"). An exact name or
 * alias (score 100) is the answer alone. At most `max`, of the given kinds (any when none).
 */
export async function suggestNodes(
  store: GraphStore,
  text: string,
  kinds: readonly string[] = [],
  max = 3,
): Promise<SearchHitRow[]> {
  return (await suggestNodesEach(store, [text], kinds, max))[0] ?? [];
}

/**
 * `suggestNodes` for several texts of the same kinds, in two store reads at most (one search for
 * every text, one more for those it found nothing for) instead of one or two per text.
 */
export async function suggestNodesEach(
  store: GraphStore,
  texts: readonly string[],
  kinds: readonly string[] = [],
  max = 3,
): Promise<SearchHitRow[][]> {
  const terms = texts.map(searchTerm);
  const searched = texts.map((_text, i) => i).filter((i) => (terms[i] ?? '').length >= 2);
  const hits: SearchHitRow[][] = texts.map(() => []);
  const first = await searchNodesEach(
    store,
    searched.map((i) => terms[i] ?? ''),
    { kinds, limit: Math.max(max, 5) },
  );
  searched.forEach((i, at) => (hits[i] = first[at] ?? []));
  const again = searched.filter((i) => hits[i]?.length === 0 && (terms[i] ?? '').length > 3);
  const near = await searchNodesEach(
    store,
    again.map((i) => (terms[i] ?? '').slice(0, 3)),
    { kinds, limit: 50 },
  );
  again.forEach((i, at) => {
    const text = texts[i] ?? '';
    hits[i] = (near[at] ?? []).filter(
      (hit) =>
        closestNames(text, [hit.node.id, String(hit.node.properties.name ?? hit.node.id)], 1).length > 0,
    );
  });
  return hits.map((found) => {
    const exact = found.filter((hit) => hit.score >= 100);
    return (exact.length > 0 ? exact : found).slice(0, max);
  });
}

/**
 * The node whose id equals `id` ignoring case (ids are unique ignoring case in practice: slugs are
 * lower case, ISO codes upper case), among the given kinds; null when there is none.
 */
export async function findIgnoringCase(
  store: GraphStore,
  id: string,
  kinds: readonly string[] = [],
): Promise<GraphNode | null> {
  const term = searchTerm(id);
  if (term.length < 2) return null;
  const hits = await searchNodes(store, term, { kinds, limit: 20 });
  return hits.find((hit) => hit.node.id.toLowerCase() === id.toLowerCase())?.node ?? null;
}

/** "did you mean MX?", "did you mean exports or export_share?", or '' without suggestions. */
export function didYouMean(suggestions: readonly string[]): string {
  if (suggestions.length === 0) return '';
  const list =
    suggestions.length === 1
      ? suggestions[0]
      : `${suggestions.slice(0, -1).join(', ')} or ${suggestions[suggestions.length - 1]}`;
  return ` (did you mean ${list}?)`;
}
