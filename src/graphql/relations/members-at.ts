import { membersAt } from '../../domain/membership.js';
import { parsePeriod } from '../../domain/period.js';
import { Direction } from '../common/enums.js';
import type { GraphContext } from '../context.js';
import type { RelationEnds } from '../relation-loaders.js';
import type { Entity } from '../entities/entity.interface.js';
import { BadUserInputError } from '../errors.js';
import type { Claim } from './claim.type.js';
import { related } from './related.js';
import { Relation } from './relation.type.js';

export interface MembersAtDate {
  /** Members at the date, each with the claims that decide it (and a note when none speaks for the date). */
  readonly members: Relation[];
  /** Companies some claim names a member but that were not members at the date, each with its note. */
  readonly excluded: Relation[];
}

/**
 * An association's members at a date (src/domain/membership.ts, as the ranking's `membersAsOf`
 * and `tradegraph members --as-of`): nobody some claim names is dropped in silence.
 * Throws BAD_USER_INPUT (argument `asOf`) when the date is not a period label.
 */
export async function membersAtDate(
  association: Entity,
  ctx: GraphContext,
  asOf: string,
  source?: string | null,
  ends: RelationEnds = { brief: false },
): Promise<MembersAtDate> {
  const at = parsePeriod(asOf);
  if (typeof at === 'string') throw new BadUserInputError(`asOf: ${at}`, 'asOf');
  const relations = await related(
    association,
    ctx,
    ['MEMBER_OF'],
    Direction.IN,
    source ? { source } : {},
    ends,
  );
  const byMember = new Map(relations.map((r) => [r.node.id, r]));
  const answers = membersAt(new Map(relations.map((r) => [r.node.id, r.claims])), asOf);
  const members: Relation[] = [];
  const excluded: Relation[] = [];
  for (const answer of answers) {
    const relation = byMember.get(answer.memberId);
    if (!relation) continue;
    // membersAt hands back the claims it was given: the ones the answer rests on, newest first.
    const decisive = new Set(answer.claims);
    const answered = Object.assign(new Relation(), {
      ...relation,
      claims: relation.claims.filter((c: Claim) => decisive.has(c)),
      note: answer.note,
    });
    (answer.included ? members : excluded).push(answered);
  }
  const byName = (a: Relation, b: Relation): number => a.node.name.localeCompare(b.node.name);
  return { members: members.sort(byName), excluded: excluded.sort(byName) };
}
