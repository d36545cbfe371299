import type { NodeKind } from '../domain/kinds.js';
import { listStatement } from '../store/generated-statements.js';
import type { GraphStore } from '../store/graph-store.js';
import type { GraphNode } from '../store/values.js';

/** A page of one kind's nodes in id order: at most `limit` of those whose id sorts after `after`. */
export async function listNodes(
  store: GraphStore,
  kind: NodeKind,
  after: string,
  limit: number,
): Promise<GraphNode[]> {
  const rows = await store.read(listStatement(kind), { after, limit });
  return rows.map((row) => row.node);
}
