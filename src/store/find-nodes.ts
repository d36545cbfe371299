import { isNodeKind, type NodeKind } from '../domain/kinds.js';
import { kindsOfIds, nodesOfKind } from './generated-statements.js';
import type { GraphStore } from './graph-store.js';
import type { GraphNode } from './values.js';

/** The kind of each id that names a node, through each kind's id index; unknown ids are left out. */
export async function findKinds(store: GraphStore, ids: readonly string[]): Promise<Map<string, NodeKind>> {
  const kinds = new Map<string, NodeKind>();
  if (ids.length === 0) return kinds;
  for (const { id, kind } of await store.read(kindsOfIds, { ids: [...new Set(ids)] }))
    if (isNodeKind(kind)) kinds.set(id, kind);
  return kinds;
}

/**
 * Nodes of any kind by id: their kinds first, then each kind's nodes, every step through an id
 * index (one match over every kind's label would scan every table, statistics included).
 */
export async function findNodes(store: GraphStore, ids: readonly string[]): Promise<Map<string, GraphNode>> {
  const found = new Map<string, GraphNode>();
  const byKind = new Map<NodeKind, string[]>();
  for (const [id, kind] of await findKinds(store, ids)) byKind.set(kind, [...(byKind.get(kind) ?? []), id]);
  await Promise.all(
    [...byKind].map(async ([kind, kindIds]) => {
      for (const row of await store.read(nodesOfKind(kind), { ids: kindIds })) found.set(row.id, row.node);
    }),
  );
  return found;
}
