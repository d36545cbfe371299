import { associationMembers } from '../store/catalog.js';
import type { GraphStore } from '../store/graph-store.js';
import type { GraphNode } from '../store/values.js';

export interface Claim {
  readonly sourceId: string;
  readonly asOf: string | null;
}

export interface Membership {
  readonly associationId: string;
  readonly member: GraphNode;
  /** Each source that states the membership, with the date it speaks for. */
  readonly claims: readonly Claim[];
}

export interface MembershipFilter {
  /** Keeps claims dated within a year or month: `2026`, `2026-01`. */
  readonly asOf?: string;
  /** Keeps the claims of one source. */
  readonly sourceId?: string;
}

/** Members of each association, one entry per member with every claim that names it. */
export async function findMembers(
  store: GraphStore,
  associationIds: readonly string[],
  filter: MembershipFilter = {},
): Promise<Membership[]> {
  const rows = await store.read(associationMembers, {
    associationIds: [...associationIds],
    asOf: filter.asOf ?? '',
    sourceId: filter.sourceId ?? '',
  });
  const byKey = new Map<string, { associationId: string; member: GraphNode; claims: Claim[] }>();
  for (const row of rows) {
    const key = `${row.associationId}|${row.member.id}`;
    const entry = byKey.get(key) ?? { associationId: row.associationId, member: row.member, claims: [] };
    entry.claims.push({ sourceId: row.sourceId, asOf: row.asOf });
    byKey.set(key, entry);
  }
  return [...byKey.values()];
}
