import { isNodeKind, type EntityKind } from '../domain/kinds.js';
import { relationsOfKind, type BriefClaimRow, type RelationRow } from '../store/relation-statements.js';
import type { GraphStore } from '../store/graph-store.js';
import type { GraphNode, StoreValue } from '../store/values.js';

/** One relationship claim seen from one of its ends. */
export interface RelationClaim {
  readonly type: string;
  /** OUT when the entity is the claim's start, IN when it is its end. */
  readonly direction: 'OUT' | 'IN';
  readonly other: GraphNode;
  readonly sourceId: string;
  readonly asOf: string | null;
  readonly role: string | null;
  readonly since: string | null;
  readonly until: string | null;
  readonly note: string | null;
}

/** What a claim states besides its ends: its source, date, role, period and note. */
export type ClaimFacts = Omit<RelationClaim, 'type' | 'direction' | 'other'>;

/** A stored claim's properties as claim facts (absent ones null). */
export function claimFacts(properties: Readonly<Record<string, StoreValue>>): ClaimFacts {
  const text = (value: StoreValue | undefined): string | null => (typeof value === 'string' ? value : null);
  return {
    sourceId: text(properties.source) ?? '',
    asOf: text(properties.asOf),
    role: text(properties.role),
    since: text(properties.since),
    until: text(properties.until),
    note: text(properties.note),
  };
}

/** A `relations-of-<kind>` row as a claim seen from the row's entity. */
export function relationClaim(row: RelationRow): RelationClaim {
  return {
    type: row.relationship.type,
    direction: row.relationship.startId === row.id ? 'OUT' : 'IN',
    other: row.other,
    ...claimFacts(row.relationship.properties),
  };
}

/**
 * A `relations-of-<kind>-brief` row as a claim seen from the row's entity. Its other end is a node
 * with its name alone: whoever shows more of it than its id, kind and name reads the claim whole.
 */
export function briefRelationClaim(row: BriefClaimRow): RelationClaim {
  if (!isNodeKind(row.otherKind)) {
    throw new Error(`the store returned a claim whose other end is of unknown kind "${row.otherKind}"`);
  }
  return {
    type: row.type,
    direction: row.outgoing ? 'OUT' : 'IN',
    other: { id: row.otherId, kind: row.otherKind, properties: { name: row.otherName } },
    ...claimFacts(row),
  };
}

/** Relationship claims touching one entity of a known kind (none for ids of other kinds). */
export async function findRelations(
  store: GraphStore,
  kind: EntityKind,
  id: string,
): Promise<RelationClaim[]> {
  const rows = await store.read(relationsOfKind(kind), { ids: [id] });
  return rows.filter((row) => row.id === id).map(relationClaim);
}
