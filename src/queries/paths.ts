import { nodesByIds, personRoles, shortestPaths } from '../store/catalog.js';
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
  return rows.map((row) => row.path);
}

export async function findNodes(store: GraphStore, ids: readonly string[]): Promise<Map<string, GraphNode>> {
  const rows = await store.read(nodesByIds, { ids: [...ids] });
  return new Map(rows.map((row) => [row.id, row.node]));
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
