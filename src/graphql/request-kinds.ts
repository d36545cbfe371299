import type { NodeKind } from '../domain/kinds.js';
import { findKinds } from '../store/find-nodes.js';
import type { GraphStore } from '../store/graph-store.js';

/** Most ids whose kind is remembered per store; past it the memory starts again. */
const MAX_REMEMBERED_KINDS = 200_000;

/**
 * The kind each id was last seen with, per store, shared by every request: a hint that sends a
 * lookup straight to one kind's index. A hint that has gone stale (an id deleted and made again
 * as another kind) costs a second lookup, never a wrong answer: ids are unique across kinds.
 */
const rememberedKinds = new WeakMap<GraphStore, Map<string, NodeKind>>();

function rememberedFor(store: GraphStore): Map<string, NodeKind> {
  let kinds = rememberedKinds.get(store);
  if (!kinds) {
    kinds = new Map();
    rememberedKinds.set(store, kinds);
  }
  return kinds;
}

/**
 * The kinds of ids as one request knows them: what its own lookups and reads found first (fresh
 * for it, whatever concurrent requests do meanwhile to the memory they share), else what is
 * remembered for every request of the store.
 */
export class RequestKinds {
  private readonly remembered: Map<string, NodeKind>;
  /** What this request found: each id's kind, or null for an id naming nothing. */
  private readonly found = new Map<string, NodeKind | null>();

  constructor(private readonly store: GraphStore) {
    this.remembered = rememberedFor(store);
  }

  /** The kind this request found for an id, else the one remembered for all, else undefined. */
  of(id: string): NodeKind | undefined {
    return this.found.has(id) ? (this.found.get(id) ?? undefined) : this.remembered.get(id);
  }

  /** Whether this request found the id's kind (or found it names nothing) itself. */
  foundByRequest(id: string): boolean {
    return this.found.has(id);
  }

  /** Neither found by this request nor remembered: its kind must be looked up. */
  unknown(id: string): boolean {
    return !this.found.has(id) && !this.remembered.has(id);
  }

  /** Remembers an id's kind for every request; `read` when this request read the node itself. */
  learn(id: string, kind: NodeKind, { read = false }: { read?: boolean } = {}): void {
    if (read) this.found.set(id, kind);
    if (this.remembered.get(id) === kind) return;
    if (this.remembered.size >= MAX_REMEMBERED_KINDS) this.remembered.clear();
    this.remembered.set(id, kind);
  }

  /** Looks the ids' kinds up in the store (one call for all of them). */
  async lookUp(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    const found = await findKinds(this.store, ids);
    for (const id of ids) {
      const kind = found.get(id);
      this.found.set(id, kind ?? null);
      if (kind) this.learn(id, kind);
      else this.remembered.delete(id);
    }
  }

  /**
   * The kinds of ids (unknown ids left out): known ones as they are, the others looked up in one
   * store call; `fresh` looks up again every one this request has not looked up itself.
   */
  async kindsOf(
    ids: readonly string[],
    { fresh = false }: { readonly fresh?: boolean } = {},
  ): Promise<Map<string, NodeKind>> {
    await this.lookUp(ids.filter((id) => !this.found.has(id) && (fresh || !this.remembered.has(id))));
    const known = new Map<string, NodeKind>();
    for (const id of ids) {
      const kind = this.of(id);
      if (kind) known.set(id, kind);
    }
    return known;
  }
}
