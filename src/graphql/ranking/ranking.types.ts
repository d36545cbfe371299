import type { GraphQLResolveInfo } from 'graphql';
import { Ctx, Field, Float, ID, Info, InputType, Int, ObjectType } from 'type-graphql';
import { ASSUMED_SIZE, listCost } from '../../limits/cost.js';
import type { GraphContext } from '../context.js';
import { Entity } from '../entities/entity.interface.js';
import { toEntity } from '../entities/entity-registry.js';
import { QualifierEnum } from '../common/enums.js';
import { selectsOnly } from '../common/selection.js';
import { BRIEF_ENTITY_FIELDS } from '../relations/related.js';
import { Statistic } from '../statistics/statistic.type.js';

@InputType({
  description:
    'What to rank, by which metric, for which period and destination. Give exactly one of subjects, membersOf or inSector.',
})
export class RankingInput {
  @Field(() => [ID], { nullable: true, description: 'Rank these entities.' })
  subjects?: string[];

  @Field(() => ID, { nullable: true, description: 'Rank the members of this association.' })
  membersOf?: string;

  @Field(() => String, {
    nullable: true,
    description:
      'With membersOf: the members at this date (a year "2024", a month "2026-01" or a day), from each membership’s dated claims: a claim that speaks for the date, else the closest before and after it. Members included or excluded without a claim for the date are named in notes.',
  })
  membersAsOf?: string;

  @Field(() => ID, {
    nullable: true,
    description: 'Rank the companies, plants and associations in this sector.',
  })
  inSector?: string;

  @Field(() => String, { description: 'The metric to rank by, e.g. exports or production.' })
  metric!: string;

  @Field(() => String, { description: 'The period: 2026-01, 2025, 2024-Q1, 2025-01/2025-10 …' })
  period!: string;

  @Field(() => ID, {
    nullable: true,
    description:
      'Rank figures for this destination (e.g. US). Subjects whose sources give no split keep their all-destinations figure, marked broaderThanAsked.',
  })
  destination?: string;
}

@ObjectType({
  description: 'One ranked subject with the figure used, what it covers, and the statistics behind it.',
})
export class RankingRow {
  @Field(() => Int, { description: 'Position, 1 for the largest figure.' })
  rank!: number;

  subjectId!: string;

  @Field(() => Float, {
    description:
      'The figure ranked (from the first statistic listed), as its source states it: a bound ranks at its bound, a range at its low end. Read it with qualifier.',
  })
  value!: number;

  @Field(() => QualifierEnum, {
    description:
      'How precisely the ranked figure is stated. Anything but EXACT is said in note: a bound is never ranked as if it were an exact figure without saying so.',
  })
  qualifier!: QualifierEnum;

  @Field(() => Float, { nullable: true, description: 'For a range, its low end; null otherwise.' })
  low!: number | null;

  @Field(() => Float, { nullable: true, description: 'For a range, its high end; null otherwise.' })
  high!: number | null;

  @Field(() => Boolean, {
    description:
      'True when the row’s figure is a bound, range or approximation that overlaps a neighbouring row’s, so the two could be the other way round.',
  })
  rankUncertain!: boolean;

  @Field(() => String, {
    nullable: true,
    description:
      'What to know about the ranked figure (a bound, a range, an approximation), or null for an exact one.',
  })
  note!: string | null;

  @Field(() => String, { description: 'Unit of the figure.' })
  unit!: string;

  @Field(() => String, {
    description: 'What the figure covers: "to US", or "all destinations" when the source gives no split.',
  })
  coverage!: string;

  @Field(() => Boolean, {
    description:
      'True when the figure covers all destinations although a destination was asked for: it is NOT a figure for that destination.',
  })
  broaderThanAsked!: boolean;

  @Field(() => Boolean, {
    description: 'True when sources give different figures for this subject and scope.',
  })
  sourcesDisagree!: boolean;

  @Field(() => [Statistic], {
    description: 'Every statistic behind the row, the ranked one first, each citing its source.',
    complexity: listCost(ASSUMED_SIZE.rankingStatistics),
  })
  statistics!: Statistic[];

  @Field(() => Entity, { nullable: true, description: 'The entity ranked.' })
  async subject(@Ctx() ctx: GraphContext, @Info() info: GraphQLResolveInfo): Promise<Entity | null> {
    // A member met brief among its group's claims answers a selection that shows no more of it.
    const brief = selectsOnly(info, BRIEF_ENTITY_FIELDS) ? ctx.loaders.briefNode(this.subjectId) : undefined;
    const node = brief ?? (await ctx.loaders.nodes.load(this.subjectId));
    return node ? toEntity(node) : null;
  }
}

@ObjectType({ description: 'A ranking with the context that keeps it honest.' })
export class Ranking {
  @Field(() => String, { description: 'The metric ranked by.' })
  metric!: string;

  @Field(() => String, { description: 'The period ranked.' })
  period!: string;

  @Field(() => String, { nullable: true, description: 'The destination asked for, if any.' })
  destination!: string | null;

  @Field(() => [RankingRow], {
    description: 'The ranked subjects, largest figure first.',
    complexity: listCost(ASSUMED_SIZE.rankingRows),
  })
  rows!: RankingRow[];

  @Field(() => [Statistic], {
    description:
      'Figures that frame the ranking: the origin country’s totals for the metric and period, and the share going to the destination.',
    complexity: listCost(ASSUMED_SIZE.rankingContext),
  })
  context!: Statistic[];

  @Field(() => [String], { description: 'Plain-language caveats: what the figures do and do not cover.' })
  notes!: string[];
}
