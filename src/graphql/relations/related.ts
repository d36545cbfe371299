import type { GraphQLResolveInfo } from 'graphql';
import type { GraphContext } from '../context.js';
import { selectedFieldsOfType, selectsOnly } from '../common/selection.js';
import { checkIds } from '../common/check-ids.js';
import { Direction } from '../common/enums.js';
import type { Entity } from '../entities/entity.interface.js';
import { toEntity } from '../entities/entity-registry.js';
import type { RelationClaim } from '../loaders.js';
import type { RelationEnds } from '../relation-loaders.js';
import { Claim } from './claim.type.js';
import type { ClaimFilterArgs } from './claim-filter.args.js';
import { Relation } from './relation.type.js';

/**
 * Fields of an entity that its brief node (id, kind and name) answers as its whole node would:
 * its statistics are read by its id and kind.
 */
export const BRIEF_ENTITY_FIELDS: readonly string[] = ['__typename', 'id', 'kind', 'name', 'statistics'];

/**
 * How a relation field's claims are read: with brief other ends when its selection shows nothing
 * of the related entities (`node`, or `under`) but what their brief nodes answer.
 */
export function briefEnds(info: GraphQLResolveInfo, under: readonly string[] = ['node']): RelationEnds {
  return { brief: selectsOnly(info, BRIEF_ENTITY_FIELDS, under) };
}

/**
 * How the claims of an entity whose lookup selects relation fields are read ahead of them: brief
 * when every relation field selected would read them brief (each field reads them again, from this
 * request's loaders: a brief read is answered by a whole one, not the other way round).
 */
export function relationFieldsEnds(info: GraphQLResolveInfo): RelationEnds {
  return {
    brief: selectedFieldsOfType(info, 'Relation').every((field) =>
      selectsOnly(info, BRIEF_ENTITY_FIELDS, [field, 'node']),
    ),
  };
}

/** Relations of an entity, of some types in one direction, one per related entity, with all their claims. */
export async function related(
  entity: Entity,
  ctx: GraphContext,
  types: readonly string[] | null,
  direction: Direction,
  filter: ClaimFilterArgs = {},
  ends: RelationEnds = { brief: false },
): Promise<Relation[]> {
  const claims = await ctx.loaders.relationsOfKind(entity.kind, ends).load(entity.id);
  const kept = claims.filter(
    (c: RelationClaim) =>
      (types === null || types.includes(c.type)) &&
      (direction === Direction.BOTH || c.direction === direction) &&
      (!filter.asOf || (c.asOf ?? '').startsWith(filter.asOf)) &&
      (!filter.source || c.sourceId === filter.source),
  );
  // No claim of that source: a source id naming nothing is an error, not an empty answer.
  if (kept.length === 0 && filter.source) await checkIds([filter.source], ctx, 'source', ['Source']);
  const grouped = new Map<string, Relation>();
  for (const claim of kept) {
    const key = `${claim.type}|${claim.direction}|${claim.other.id}`;
    let relation = grouped.get(key);
    if (!relation) {
      const node = toEntity(claim.other);
      if (!node) continue;
      relation = Object.assign(new Relation(), {
        type: claim.type,
        direction: claim.direction as Direction,
        node,
        claims: [],
      });
      grouped.set(key, relation);
    }
    relation.claims.push(
      Object.assign(new Claim(), {
        sourceId: claim.sourceId,
        asOf: claim.asOf,
        role: claim.role,
        since: claim.since,
        until: claim.until,
        note: claim.note,
      }),
    );
  }
  const relations = [...grouped.values()];
  // The statement returns claims in no defined order (each engine has its own): newest first.
  for (const relation of relations) relation.claims.sort(compareClaims);
  return relations.sort((a, b) => a.type.localeCompare(b.type) || a.node.name.localeCompare(b.node.name));
}

/** Newest `asOf` first (undated last), then by source id and role, so both engines list claims alike. */
function compareClaims(a: Claim, b: Claim): number {
  if (a.asOf !== b.asOf) {
    if (a.asOf === null) return 1;
    if (b.asOf === null) return -1;
    return a.asOf < b.asOf ? 1 : -1;
  }
  return a.sourceId.localeCompare(b.sourceId) || (a.role ?? '').localeCompare(b.role ?? '');
}
