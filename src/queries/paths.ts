import { personRoles, shortestPaths } from '../store/catalog.js';
import type { GraphStore } from '../store/graph-store.js';
import type { GraphNode, GraphPath } from '../store/values.js';

/** The longest path the shortest-path statements search (their fixed upper bound). */
export const MAX_PATH_LENGTH = 6;

/** All shortest paths between two entities over entity relationships, each edge carrying its `source`. */
export async function findShortestPaths(
  store: GraphStore,
  from: string,
  to: string,
  options: { maxLength?: number; limit?: number } = {},
): Promise<GraphPath[]> {
  const maxLength = Math.min(options.maxLength ?? MAX_PATH_LENGTH, MAX_PATH_LENGTH);
  const rows = await store.read(shortestPaths, { from, to, maxLength, limit: options.limit ?? 10 });
  // Paths of one length come in each engine's own order: shortest first, then by their steps.
  return rows
    .map((row) => ({ path: row.path, key: pathKey(row.path) }))
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
