import { membersAt } from '../domain/membership.js';
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
  /**
   * Each source that states the membership, with the date it speaks for; with `asOf`, the claims
   * the answer rests on (those that speak for the date, else the closest before and after).
   */
  readonly claims: readonly Claim[];
  /**
   * With `asOf`: why a member without a claim for that date is included (which claims it rests
   * on); null otherwise.
   */
  readonly note: string | null;
}

export interface MembershipFilter {
  /**
   * Members at this date (`2024`, `2026-01`, `2026-01-15`), from each membership's dated claims: a
   * claim that speaks for the date, else the closest before and after it (src/domain/membership.ts).
   * Throws RangeError when it is not a period label.
   */
  readonly asOf?: string;
  /** Keeps the claims of one source. */
  readonly sourceId?: string;
}

export interface MembersAt {
  readonly members: Membership[];
  /** Members some claim names but that were not members at the date, each in a sentence naming it. */
  readonly excluded: readonly string[];
}

/**
 * Members of each association, one entry per member with every claim that names it; with `asOf`,
 * the members at that date, and a note for every member included or excluded without a claim
 * that speaks for the date (nobody is dropped in silence).
 */
export async function findMembersAt(
  store: GraphStore,
  associationIds: readonly string[],
  filter: MembershipFilter = {},
): Promise<MembersAt> {
  const rows = await store.read(associationMembers, {
    associationIds: [...associationIds],
    asOf: '',
    sourceId: filter.sourceId ?? '',
  });
  const byKey = new Map<string, { associationId: string; member: GraphNode; claims: Claim[] }>();
  for (const row of rows) {
    const key = `${row.associationId}|${row.member.id}`;
    const entry = byKey.get(key) ?? { associationId: row.associationId, member: row.member, claims: [] };
    entry.claims.push({ sourceId: row.sourceId, asOf: row.asOf });
    byKey.set(key, entry);
  }
  const all = [...byKey.values()];
  if (filter.asOf === undefined) return { members: all.map((m) => ({ ...m, note: null })), excluded: [] };
  const members: Membership[] = [];
  const excluded: string[] = [];
  for (const associationId of associationIds) {
    const entries = all.filter((m) => m.associationId === associationId);
    const answers = membersAt(new Map(entries.map((m) => [m.member.id, m.claims])), filter.asOf);
    for (const answer of answers) {
      const entry = entries.find((m) => m.member.id === answer.memberId);
      if (!entry) continue;
      // At a date, the claims the answer rests on (as the API's members(asOf:)): covering, or before and after.
      const decisive = new Set(answer.claims);
      if (answer.included)
        members.push({ ...entry, claims: entry.claims.filter((c) => decisive.has(c)), note: answer.note });
      else if (answer.note !== null) excluded.push(answer.note);
    }
  }
  members.sort((a, b) => String(a.member.properties.name).localeCompare(String(b.member.properties.name)));
  return { members, excluded };
}

/** The members findMembersAt includes (see there). */
export async function findMembers(
  store: GraphStore,
  associationIds: readonly string[],
  filter: MembershipFilter = {},
): Promise<Membership[]> {
  return (await findMembersAt(store, associationIds, filter)).members;
}
