import { isEntityKind, type NodeKind } from '../domain/kinds.js';
import { personRoles } from '../store/catalog.js';
import { findKinds } from '../store/find-nodes.js';
import { PATH_SEARCH_BOUND } from '../store/generated-statements.js';
import type { GraphStore } from '../store/graph-store.js';
import { shortestPathsBetween } from '../store/path-statements.js';
import type { GraphNode, GraphPath } from '../store/values.js';

/** The longest path the shortest-path statements search (their fixed upper bound). */
export const MAX_PATH_LENGTH = PATH_SEARCH_BOUND;

/**
 * The kinds of ids, for the statement that matches each end through its kind's index. `fresh` asks
 * the store itself; otherwise a lookup may answer from what it remembers (a request's loaders do),
 * and a remembered kind may be stale (an id deleted and made again as another kind).
 */
export type KindLookup = (
  ids: readonly string[],
  options?: { readonly fresh?: boolean },
) => Promise<ReadonlyMap<string, NodeKind>>;

/** Kinds straight from the store (always fresh). */
export function storeKindLookup(store: GraphStore): KindLookup {
  return async (ids) => findKinds(store, ids);
}

export interface PathOptions {
  readonly maxLength?: number;
  readonly limit?: number;
  /** Where the ends' kinds come from: the store by default; a GraphQL request passes its loaders'. */
  readonly kindsOf?: KindLookup;
}

/**
 * All shortest paths between two entities over entity relationships, each edge carrying its
 * `source`; none when either id names no entity (callers that must say which check the ids).
 */
export async function findShortestPaths(
  store: GraphStore,
  from: string,
  to: string,
  options: PathOptions = {},
): Promise<GraphPath[]> {
  const maxLength = Math.min(options.maxLength ?? MAX_PATH_LENGTH, MAX_PATH_LENGTH);
  const limit = options.limit ?? 10;
  const kindsOf = options.kindsOf ?? storeKindLookup(store);
  const search = async (kinds: ReadonlyMap<string, NodeKind>): Promise<GraphPath[]> => {
    const fromKind = kinds.get(from);
    const toKind = kinds.get(to);
    if (fromKind === undefined || toKind === undefined || !isEntityKind(fromKind) || !isEntityKind(toKind))
      return [];
    const rows = await store.read(shortestPathsBetween(fromKind, toKind), {
      froms: [from],
      to,
      maxLength,
      limit,
    });
    return rows.map((row) => row.path);
  };
  const kinds = await kindsOf([from, to]);
  let paths = await search(kinds);
  if (paths.length === 0 && options.kindsOf) {
    // No path through remembered kinds: one of them may be stale, so ask the store before answering none.
    const fresh = await kindsOf([from, to], { fresh: true });
    if (fresh.get(from) !== kinds.get(from) || fresh.get(to) !== kinds.get(to)) paths = await search(fresh);
  }
  // Paths of one length come in each engine's own order: shortest first, then by their steps.
  return paths
    .map((path) => ({ path, key: pathKey(path) }))
    .sort((a, b) => a.path.edges.length - b.path.edges.length || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map(({ path }) => path);
}

/** The nodes and edges (type, ends, source) of a path, as one comparable string. */
function pathKey(path: GraphPath): string {
  const steps = path.edges.map(
    (edge) => `${edge.type}:${edge.startId}>${edge.endId}@${String(edge.properties.source)}`,
  );
  return `${path.nodes.map((node) => node.id).join('/')}|${steps.join('/')}`;
}

export interface Role {
  readonly organisation: GraphNode;
  readonly role: string | null;
  readonly sourceId: string;
  readonly asOf: string | null;
}

export async function findRoles(store: GraphStore, personId: string): Promise<Role[]> {
  const rows = await store.read(personRoles, { personIds: [personId] });
  return rows.map(({ organisation, role, sourceId, asOf }) => ({ organisation, role, sourceId, asOf }));
}
