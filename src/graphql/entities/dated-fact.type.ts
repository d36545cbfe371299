import { Ctx, Field, ObjectType } from 'type-graphql';
import { earliestValue, factSpan, storedFacts, type Fact, type FactField } from '../../domain/facts.js';
import type { GraphNode } from '../../store/values.js';
import type { GraphContext } from '../context.js';
import { Source } from './source.type.js';

@ObjectType({
  description:
    'One date of an entity (when a plant opened, an association was founded, a policy starts or ends) as one source states it. Sources that disagree each have their own; nothing is picked.',
})
export class DatedFact {
  @Field(() => String, { description: 'The date as the source gives it: YYYY, YYYY-MM or YYYY-MM-DD.' })
  value!: string;

  @Field(() => String, {
    nullable: true,
    description:
      "Id of the source that states it; null when the record that gave it named none (it then rests on the entity's own sources).",
  })
  sourceId!: string | null;

  @Field(() => String, { description: 'The first day the date covers (2019 → 2019-01-01).' })
  start!: string;

  @Field(() => String, { description: 'The last day the date covers (2019 → 2019-12-31).' })
  end!: string;

  @Field(() => String, { description: 'How precise the source is: year, month or day.' })
  precision!: string;

  @Field(() => Source, {
    nullable: true,
    description: "The source document that states it; null when none is named (see the entity's sources).",
  })
  async source(@Ctx() ctx: GraphContext): Promise<Source | null> {
    if (this.sourceId === null) return null;
    const node = await ctx.loaders.ofKind('Source').load(this.sourceId);
    return node ? Source.from(node) : null;
  }

  static from(fact: Fact): DatedFact {
    const span = factSpan(fact.value);
    return Object.assign(new DatedFact(), {
      value: fact.value,
      sourceId: fact.source,
      start: span?.start ?? fact.value,
      end: span?.end ?? fact.value,
      precision: span?.precision ?? 'unknown',
    });
  }
}

/** A node's facts of one field, for the API: the scalar (the earliest value) and every fact. */
export function datedFacts(node: GraphNode, field: FactField): { value: string | null; facts: DatedFact[] } {
  const facts = storedFacts(node.properties, field);
  return { value: earliestValue(facts), facts: facts.map((fact) => DatedFact.from(fact)) };
}
