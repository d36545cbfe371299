import type { NodeKind } from '../domain/kinds.js';
import { foldForSearch } from '../domain/normalize.js';
import { nodePages, outgoingClaims } from '../records/graph-records.js';
import type { GraphStore } from '../store/graph-store.js';
import type { GraphNode } from '../store/values.js';
import { searchNodes } from '../store/search-nodes.js';
import type { PossibleDuplicate } from './import-options.js';

/** A new entity of the import, as the duplicate check needs it. */
export interface NewEntity {
  readonly kind: NodeKind;
  readonly id: string;
  readonly names: readonly string[];
  readonly file: string;
  readonly line: number;
}

/** Matches kept per new entity. */
const MATCHES_KEPT = 5;

/**
 * Part of the plan stage: the new entities of an import that may be ones the graph has already. A
 * new entity is flagged when a stored entity of the same kind has one of its names or aliases,
 * folded (case, accents and punctuation aside, as search folds them); a plant only when the two
 * share a place they are located in, or either has none stated (`locations`: the places the
 * import locates its new plants in). Reported, never refused: the user decides, and says so with
 * `sameAs` (the hint). A `sameAs` record is merged, not new, so it is never flagged.
 */
export async function possibleDuplicates(
  store: GraphStore,
  entities: readonly NewEntity[],
  locations: ReadonlyMap<string, ReadonlySet<string>>,
): Promise<PossibleDuplicate[]> {
  const found: PossibleDuplicate[] = [];
  const newIds = new Set(entities.map((entity) => entity.id));
  const termsOf = (entity: NewEntity): string[] => [
    ...new Set(entity.names.map(foldForSearch).filter((term) => term.length > 0)),
  ];
  const named = await storedNamed(
    store,
    entities.map((entity) => ({ kind: entity.kind, terms: termsOf(entity) })),
  );
  for (const entity of entities) {
    const matches = new Map<string, { id: string; name: string; on: string }>();
    for (const name of termsOf(entity)) {
      for (const node of await named(entity.kind, name)) {
        if (node.id === entity.id || newIds.has(node.id) || matches.has(node.id)) continue;
        matches.set(node.id, { id: node.id, name: String(node.properties.name ?? node.id), on: name });
      }
    }
    if (matches.size === 0) continue;
    let kept = [...matches.values()];
    if (entity.kind === 'Plant') kept = await samePlace(store, kept, locations.get(entity.id));
    const first = kept[0];
    if (first) {
      found.push({
        kind: entity.kind,
        id: entity.id,
        file: entity.file,
        line: entity.line,
        matches: kept.slice(0, MATCHES_KEPT),
        hint: sameAsHint(entity, first.id),
      });
    }
  }
  return found;
}

/** Up to this many names, each is asked of the search; past it, each kind's nodes are read once. */
const SEARCHES_AT_MOST = 50;

/**
 * The stored nodes of a kind that have a folded name (one of the parts of their search text: id,
 * name or alias), best first as search ranks its exact hits (fewest names, then name, then id),
 * at most MATCHES_KEPT + 1 as the search's page. A few names are searched one by one; a large
 * import's names (thousands of new entities) against one read of each kind's nodes, since a
 * search per name scans the kind each time (10,000 of them took 85 s here).
 */
async function storedNamed(
  store: GraphStore,
  wanted: readonly { readonly kind: NodeKind; readonly terms: readonly string[] }[],
): Promise<(kind: NodeKind, term: string) => Promise<GraphNode[]>> {
  const count = wanted.reduce((sum, entity) => sum + entity.terms.length, 0);
  if (count <= SEARCHES_AT_MOST) {
    return async (kind, term) =>
      (await searchNodes(store, term, { kinds: [kind], limit: MATCHES_KEPT + 1 }))
        // 100: the folded text is one of the stored entity's names or aliases, whole.
        .filter((hit) => hit.score >= 100)
        .map((hit) => hit.node);
  }
  const terms = new Map<NodeKind, Set<string>>();
  for (const { kind, terms: each } of wanted) {
    const set = terms.get(kind) ?? new Set<string>();
    for (const term of each) set.add(term);
    terms.set(kind, set);
  }
  const byName = new Map<string, GraphNode[]>();
  for (const [kind, needed] of terms) {
    for await (const page of nodePages(store, kind)) {
      for (const node of page) {
        for (const part of new Set(String(node.properties.searchText ?? '').split('|'))) {
          if (!needed.has(part)) continue;
          const key = `${kind}|${part}`;
          const named = byName.get(key);
          if (named) named.push(node);
          else byName.set(key, [node]);
        }
      }
    }
  }
  const text = (node: GraphNode): string => String(node.properties.searchText ?? '');
  const name = (node: GraphNode): string => String(node.properties.name ?? '');
  return async (kind, term) =>
    (byName.get(`${kind}|${term}`) ?? [])
      .sort((a, b) => text(a).length - text(b).length || compare(name(a), name(b)) || compare(a.id, b.id))
      .slice(0, MATCHES_KEPT + 1);
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** How to say that a new entity is the stored one: `sameAs` in its record. */
export const sameAsHint = (entity: { readonly kind: NodeKind; readonly id: string }, match: string): string =>
  `if ${entity.id} is ${match}, add "sameAs": "${match}" to its record (in CSV, a sameAs column): ` +
  `it is then merged into ${match} (only the fields it gives change, lists are merged) and ` +
  `${entity.id} is never created; the change's other records may keep using "${entity.id}"`;

/** The stored plants that share a place with the new one, or all of them when either states none. */
async function samePlace<T extends { id: string }>(
  store: GraphStore,
  matches: T[],
  places: ReadonlySet<string> | undefined,
): Promise<T[]> {
  if (!places || places.size === 0) return matches;
  const stored = new Map<string, Set<string>>();
  for (const edge of await outgoingClaims(
    store,
    'Plant',
    matches.map((match) => match.id),
  )) {
    if (edge.type !== 'LOCATED_IN') continue;
    stored.set(edge.startId, (stored.get(edge.startId) ?? new Set()).add(edge.endId));
  }
  return matches.filter((match) => {
    const theirs = stored.get(match.id);
    return !theirs || [...theirs].some((place) => places.has(place));
  });
}
