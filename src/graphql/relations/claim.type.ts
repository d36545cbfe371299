import { Ctx, Field, ObjectType } from 'type-graphql';
import type { GraphContext } from '../context.js';
import { Source } from '../entities/source.type.js';

@ObjectType({ description: 'One source’s statement of a relationship, with the date it speaks for.' })
export class Claim {
  @Field(() => String, { description: 'Id of the source that states the relationship.' })
  sourceId!: string;

  @Field(() => String, {
    nullable: true,
    description: 'When the claim held according to its source (YYYY, YYYY-MM or YYYY-MM-DD).',
  })
  asOf!: string | null;

  @Field(() => String, { nullable: true, description: 'Role or position, for people (WORKS_FOR).' })
  role!: string | null;

  @Field(() => String, { nullable: true, description: 'When the relationship began, if the source says.' })
  since!: string | null;

  @Field(() => String, { nullable: true, description: 'When the relationship ended, if the source says.' })
  until!: string | null;

  @Field(() => String, { nullable: true, description: 'A note on how the source states it.' })
  note!: string | null;

  @Field(() => Source, { nullable: true, description: 'The source document that states the relationship.' })
  async source(@Ctx() ctx: GraphContext): Promise<Source | null> {
    const node = await ctx.loaders.ofKind('Source').load(this.sourceId);
    return node ? Source.from(node) : null;
  }
}
