import { Arg, Ctx, Field, ID, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { isFactField } from '../../domain/facts.js';
import { checkFirst } from '../../limits/check-arguments.js';
import { listCost } from '../../limits/cost.js';
import { findFactConflicts } from '../../queries/conflicts.js';
import type { GraphContext } from '../context.js';
import { DatedFact } from '../entities/dated-fact.type.js';
import { Entity } from '../entities/entity.interface.js';
import { toEntity } from '../entities/entity-registry.js';
import { BadUserInputError } from '../errors.js';
import { checkSubjects } from '../statistics/statistic-filter.args.js';
import { ConflictKind } from './conflict.resolver.js';

const FIELDS = 'opened (Plant), founded (Association), startDate or endDate (Policy)';

@ObjectType({
  description:
    'Two sources that give different dates for the same fact of one entity (when a plant opened, an association was founded, a policy starts or ends). Both are kept; nothing is picked.',
})
export class FactConflict {
  @Field(() => Entity, { description: 'The entity the dates are of.' })
  entity!: Entity;

  @Field(() => String, { description: `Which date: ${FIELDS}.` })
  field!: string;

  @Field(() => DatedFact, {
    description: 'The first date (a date without a source first, then sources in id order).',
  })
  a!: DatedFact;

  @Field(() => DatedFact, { description: 'The second date, from another source.' })
  b!: DatedFact;

  @Field(() => ConflictKind, {
    description:
      'A contradiction (the dates do not meet), or one date stated more precisely (2026-07 and 2026-07-01).',
  })
  kind!: ConflictKind;
}

@Resolver()
export class FactConflictResolver {
  @Query(() => [FactConflict], {
    description:
      'Every pair of dates of one entity’s fact (opened, founded, startDate, endDate) from different sources that differ, with both sources; the figures’ counterpart of conflicts. Optionally for some entities or one field.',
    complexity: listCost(50),
  })
  async factConflicts(
    @Arg('subjects', () => [ID], { nullable: true, description: 'Only facts of these entities.' })
    subjects: string[] | null,
    @Arg('field', () => String, { nullable: true, description: `Only this field: ${FIELDS}.` })
    field: string | null,
    @Arg('first', () => Int, {
      nullable: true,
      description: "At most this many pairs: the server's maxFirst (200 unless configured) when left out.",
    })
    first: number | null,
    @Ctx() ctx: GraphContext,
  ): Promise<FactConflict[]> {
    if (field !== null && field !== undefined && !isFactField(field)) {
      throw new BadUserInputError(`field "${field}" is not a dated fact: use ${FIELDS}`, 'field');
    }
    if (subjects !== null && subjects !== undefined) await checkSubjects(subjects, ctx, 'subjects');
    const limit = checkFirst(first ?? ctx.limits.maxFirst, ctx.limits);
    const conflicts = await findFactConflicts(ctx.store, {
      ...(subjects === null || subjects === undefined ? {} : { subjectIds: subjects }),
      ...(field === null || field === undefined || !isFactField(field) ? {} : { field }),
    });
    return conflicts.slice(0, limit).flatMap((c) => {
      const entity = toEntity(c.entity);
      if (!entity) return [];
      return [
        Object.assign(new FactConflict(), {
          entity,
          field: c.field,
          a: DatedFact.from(c.a),
          b: DatedFact.from(c.b),
          kind: c.kind as ConflictKind,
        }),
      ];
    });
  }
}
