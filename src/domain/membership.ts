import { parsePeriod } from './period.js';

/** One source's claim that a company is a member, with the dates it speaks for. */
export interface MembershipClaim {
  readonly sourceId: string;
  /** The date the claim speaks for (`2021`, `2026-01`), null when unknown. */
  readonly asOf: string | null;
  readonly since?: string | null;
  readonly until?: string | null;
}

/** Whether a company was a member at a date, and on which claims that rests. */
export interface MembershipAt {
  readonly memberId: string;
  readonly included: boolean;
  /** `covered`: a claim speaks for the date; `between`: claims before and after it; `latest`: the
   * latest claim precedes the date and no source has spoken since; otherwise excluded. */
  readonly basis: 'covered' | 'between' | 'latest' | 'not-listed-since' | 'only-later' | 'undated';
  /** The claims the answer rests on: the covering ones, or the closest before and after. */
  readonly claims: readonly MembershipClaim[];
  /** In words, for `covered` only when worth saying: which claims, and why included or excluded. */
  readonly note: string | null;
}

const span = (label: string | null | undefined): { start: string; end: string } | null => {
  if (!label) return null;
  const period = parsePeriod(label);
  return typeof period === 'string' ? null : { start: period.start, end: period.end };
};

const cite = (claim: MembershipClaim): string => `${claim.sourceId} (${claim.asOf ?? 'undated'})`;

/**
 * Members at a date (`2024`, `2026-01`, `2026-01-15`), from each member's dated claims. A claim
 * covers the date when the span it speaks for (from `since`, else `asOf`, to `until`, else `asOf`)
 * meets the date's span. Without a covering claim, the closest claim before and the closest after
 * decide: both present, the member is included ("between"); only one before, it is included when
 * no claim of the association is dated at or after the date (the latest word), else excluded as not
 * listed since; only claims after, excluded. Every member not plainly covered gets a note.
 * Throws RangeError when the date is not a period label.
 */
export function membersAt(
  claimsByMember: ReadonlyMap<string, readonly MembershipClaim[]>,
  date: string,
): MembershipAt[] {
  const at = parsePeriod(date);
  if (typeof at === 'string') throw new RangeError(at);
  const all = [...claimsByMember.values()].flat();
  // Whether any source speaks for the date or later: if none does, the latest claims are the latest word.
  const anyLater = all.some((c) => {
    const s = span(c.asOf);
    return s !== null && s.end >= at.start;
  });
  const answers: MembershipAt[] = [];
  for (const [memberId, claims] of claimsByMember) {
    const covering = claims.filter((c) => {
      const from = span(c.since ?? c.asOf);
      const to = span(c.until ?? c.asOf);
      return from !== null && to !== null && from.start <= at.end && to.end >= at.start;
    });
    if (covering.length > 0) {
      answers.push({ memberId, included: true, basis: 'covered', claims: covering, note: null });
      continue;
    }
    const dated = claims
      .map((c) => ({ claim: c, span: span(c.asOf) }))
      .filter((x): x is { claim: MembershipClaim; span: { start: string; end: string } } => x.span !== null);
    const before = dated
      .filter((x) => x.span.end < at.start)
      .sort((a, b) => b.span.end.localeCompare(a.span.end))[0];
    const after = dated
      .filter((x) => x.span.start > at.end)
      .sort((a, b) => a.span.start.localeCompare(b.span.start))[0];
    if (before && after) {
      answers.push({
        memberId,
        included: true,
        basis: 'between',
        claims: [before.claim, after.claim],
        note: `${memberId} is included: no claim speaks for ${date}, but ${cite(before.claim)} before it and ${cite(after.claim)} after it both name it a member.`,
      });
    } else if (before && !anyLater) {
      answers.push({
        memberId,
        included: true,
        basis: 'latest',
        claims: [before.claim],
        note: `${memberId} is included on its latest claim, ${cite(before.claim)}: no source speaks for ${date} or later.`,
      });
    } else if (before) {
      answers.push({
        memberId,
        included: false,
        basis: 'not-listed-since',
        claims: [before.claim],
        note: `${memberId} is excluded: its latest claim is ${cite(before.claim)}, and no claim for ${date} or after names it, though later sources list members.`,
      });
    } else if (after) {
      answers.push({
        memberId,
        included: false,
        basis: 'only-later',
        claims: [after.claim],
        note: `${memberId} is excluded: its earliest claim, ${cite(after.claim)}, is after ${date}.`,
      });
    } else {
      answers.push({
        memberId,
        included: false,
        basis: 'undated',
        claims,
        note: `${memberId} is excluded: none of its claims (${claims.map(cite).join(', ')}) is dated.`,
      });
    }
  }
  return answers.sort((a, b) => a.memberId.localeCompare(b.memberId));
}
