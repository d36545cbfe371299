import type { GraphQLResolveInfo } from 'graphql';
import { Ctx, Field, Float, Info, ObjectType } from 'type-graphql';
import { TWO_WAY_METRICS } from '../../domain/metrics.js';
import { parsePeriod, spanYearEarlier } from '../../domain/period.js';
import { coverageOf, statedFigure, type Statistic as StatisticModel } from '../../domain/statistic.js';
import type { GraphContext } from '../context.js';
import { PRICE } from '../../limits/cost.js';
import { GranularityEnum, PeriodBasisEnum, QualifierEnum } from '../common/enums.js';
import { selectsAnyOf, selectsOnly } from '../common/selection.js';
import { Entity } from '../entities/entity.interface.js';
import { toEntity } from '../entities/entity-registry.js';
import { Node } from '../entities/node.interface.js';
import { Source } from '../entities/source.type.js';

/** Qualifiers a change can be computed from: a single number each. */
const POINT_QUALIFIERS: ReadonlySet<string> = new Set(['exact', 'approximate']);

@ObjectType({ description: 'The period a statistic covers.' })
export class Period {
  @Field(() => String, { description: 'As written in the data: 2026-01, 2024-Q1, 2025, 2025-01/2025-10.' })
  label!: string;

  @Field(() => String, { description: 'First day (ISO date).' })
  start!: string;

  @Field(() => String, { description: 'Last day (ISO date).' })
  end!: string;

  @Field(() => GranularityEnum, { description: 'How long the period is.' })
  granularity!: GranularityEnum;

  @Field(() => Boolean, {
    description:
      'True when the source names the period; false when it was inferred (see basis and the statistic’s scope).',
  })
  stated!: boolean;

  @Field(() => PeriodBasisEnum, { description: 'Whether the period is stated or inferred, and from what.' })
  basis!: PeriodBasisEnum;
}

/**
 * The fields of a Statistic resolved from the nodes its statement can return beside it (see
 * findStatisticsWithEnds): a selection without them is read without those nodes.
 */
export const STATISTIC_END_FIELDS: readonly string[] = ['source', 'destination'];

@ObjectType({
  implements: Node,
  description:
    'One observation stated by one source: a figure with its exact scope (subject, metric, unit, period, destination, origin, sector).',
})
export class Statistic extends Node {
  model!: StatisticModel;

  @Field(() => String, { description: 'What is measured (see the metrics query).' })
  metric!: string;

  @Field(() => Float, {
    description:
      'The figure as the source states it, in full (USD 120000000, not 120). Read it with qualifier: for a bound it is the bound, for a range its low end.',
  })
  value!: number;

  @Field(() => QualifierEnum, {
    description: 'How precisely the source states the figure: exact, approximate, a bound or a range.',
  })
  qualifier!: QualifierEnum;

  @Field(() => Float, { nullable: true, description: 'For a range, its low end; null otherwise.' })
  low!: number | null;

  @Field(() => Float, { nullable: true, description: 'For a range, its high end; null otherwise.' })
  high!: number | null;

  @Field(() => String, {
    description:
      'The figure in words, as precise as its source: "4,783", "about 30", "more than 200,000", "17 to 19".',
  })
  stated!: string;

  @Field(() => Boolean, {
    description:
      'True when the source names the period; false when it was inferred (period.basis says from what).',
  })
  periodStated!: boolean;

  @Field(() => String, { description: 'Unit of the value: vehicles, USD, percent, …' })
  unit!: string;

  @Field(() => Period, { description: 'The period the figure covers.' })
  period!: Period;

  @Field(() => String, {
    description:
      'What the figure covers. Exports, imports and trade: "to US" when the source gives a destination, else "all destinations". Other metrics, which have no destination split, say what they measure ("production of MX (heavy-vehicles)").',
  })
  coverage!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'For a two-way figure (trade between the subject and its destination): both sides and the side the source states it from, e.g. "MX ↔ US, stated from MX’s side". Null for other figures.',
  })
  direction!: string | null;

  @Field(() => Boolean, {
    description:
      'True when a two-way figure is listed for its destination (the partner asked about), though stored from the subject’s side: the same trade seen from the other end.',
  })
  fromPartnerSide!: boolean;

  @Field(() => String, { nullable: true, description: 'What exactly the figure covers, in our words.' })
  scope!: string | null;

  @Field(() => Float, {
    nullable: true,
    description: 'The percentage change the source reports, as it reports it.',
  })
  reportedChangePercent!: number | null;

  @Field(() => String, { nullable: true, description: 'The period the reported change compares with.' })
  changeComparedTo!: string | null;

  /** `asPartnerOf`: the statistic is listed for this id, its destination (a two-way figure seen from the other side). */
  static from(model: StatisticModel, asPartnerOf?: string): Statistic {
    return Object.assign(new Statistic(), {
      model,
      id: model.id,
      metric: model.metric,
      value: model.value,
      qualifier: model.qualifier as QualifierEnum,
      low: model.low,
      high: model.high,
      stated: statedFigure(model),
      periodStated: model.periodBasis === 'stated',
      unit: model.unit,
      period: Object.assign(new Period(), {
        label: model.period,
        start: model.periodStart,
        end: model.periodEnd,
        granularity: model.granularity as GranularityEnum,
        stated: model.periodBasis === 'stated',
        basis: model.periodBasis as PeriodBasisEnum,
      }),
      coverage: coverageOf(model),
      direction:
        TWO_WAY_METRICS.has(model.metric) && model.destinationId !== null
          ? `${model.subjectId} ↔ ${model.destinationId}, stated from ${model.subjectId}’s side`
          : null,
      fromPartnerSide: asPartnerOf !== undefined && asPartnerOf === model.destinationId,
      scope: model.scope,
      reportedChangePercent: model.changePercent,
      changeComparedTo: model.changeComparedTo,
    });
  }

  private async entity(ctx: GraphContext, id: string | null, kind?: 'Sector'): Promise<Entity | null> {
    if (id === null) return null;
    const node = await (kind ? ctx.loaders.ofKind(kind) : ctx.loaders.nodes).load(id);
    return node ? toEntity(node) : null;
  }

  @Field(() => Entity, { nullable: true, description: 'Who or what is measured.' })
  async subject(@Ctx() ctx: GraphContext, @Info() info: GraphQLResolveInfo): Promise<Entity | null> {
    // Only its id (or kind) asked for, and its kind known from the statement that read this
    // statistic (which matched the subject itself): no lookup of its node.
    const kind = ctx.loaders.subjectKind(this.model.subjectId);
    if (kind !== undefined && selectsOnly(info, ['id', 'kind', '__typename'])) {
      return toEntity({ kind, id: this.model.subjectId, properties: {} });
    }
    return this.entity(ctx, this.model.subjectId);
  }

  @Field(() => Entity, {
    nullable: true,
    description: 'Destination the figure is for; null means all destinations.',
  })
  destination(@Ctx() ctx: GraphContext): Promise<Entity | null> {
    return this.entity(ctx, this.model.destinationId);
  }

  @Field(() => Entity, {
    nullable: true,
    description: 'Origin the figure is for, when the source states one.',
  })
  origin(@Ctx() ctx: GraphContext): Promise<Entity | null> {
    return this.entity(ctx, this.model.originId);
  }

  @Field(() => Entity, { nullable: true, description: 'Products covered, when the source states them.' })
  sector(@Ctx() ctx: GraphContext): Promise<Entity | null> {
    return this.entity(ctx, this.model.sectorId, 'Sector');
  }

  @Field(() => Entity, {
    nullable: true,
    description: 'The agency or association the source credits for the figure.',
  })
  publishedBy(@Ctx() ctx: GraphContext): Promise<Entity | null> {
    return this.entity(ctx, this.model.publishedById);
  }

  @Field(() => Source, { nullable: true, description: 'The document that states the figure.' })
  async source(@Ctx() ctx: GraphContext): Promise<Source | null> {
    const node = await ctx.loaders.ofKind('Source').load(this.model.sourceId);
    return node ? Source.from(node) : null;
  }

  @Field(() => ComputedChange, {
    nullable: true,
    complexity: PRICE.storeCall,
    description:
      'The change computed from stored values: against a statistic of the same subject, metric, destination and sector for the compared period (or the same span a year earlier, whatever its label: 2025-Q1 and 2025-01/2025-03 are one period), preferring one from the same source. Null when no such figure is stored, or when either figure is a bound or a range (no single change follows from them).',
  })
  async computedChange(
    @Ctx() ctx: GraphContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ComputedChange | null> {
    const m = this.model;
    if (!POINT_QUALIFIERS.has(m.qualifier)) return null;
    const comparedPeriod = m.changeComparedTo === null ? null : parsePeriod(m.changeComparedTo);
    const compared =
      comparedPeriod === null || typeof comparedPeriod === 'string'
        ? m.granularity === 'day'
          ? null
          : spanYearEarlier({ start: m.periodStart, end: m.periodEnd })
        : comparedPeriod;
    if (compared === null) return null;
    // The subject's statistics of this metric, filtered here: the statistics of one response then
    // share one loader key, so all their changes cost one batched store call, not one each, and a
    // list asked for by metric alone (a time series) already holds them: no call at all.
    const candidates = (
      await ctx.loaders.statistics.load({
        subjectId: m.subjectId,
        filter: { metric: m.metric },
        withoutEnds: !selectsAnyOf(info, STATISTIC_END_FIELDS, ['comparedTo']),
      })
    ).filter(
      (s) =>
        s.metric === m.metric &&
        s.periodStart === compared.start &&
        s.periodEnd === compared.end &&
        POINT_QUALIFIERS.has(s.qualifier) &&
        s.destinationId === m.destinationId &&
        s.sectorId === m.sectorId &&
        s.unit === m.unit &&
        s.value !== 0,
    );
    const earlier = candidates.find((s) => s.sourceId === m.sourceId) ?? candidates[0];
    if (!earlier) return null;
    return Object.assign(new ComputedChange(), {
      percent: Math.round(((m.value - earlier.value) / earlier.value) * 10_000) / 100,
      approximate: m.qualifier !== 'exact' || earlier.qualifier !== 'exact',
      comparedTo: Statistic.from(earlier),
    });
  }
}

@ObjectType({ description: 'A change computed from two stored statistics of the same scope.' })
export class ComputedChange {
  @Field(() => Float, {
    description: 'Percentage change from the compared figure to this one, to two decimals.',
  })
  percent!: number;

  @Field(() => Boolean, {
    description: 'True when either figure is an approximation, so the change is approximate too.',
  })
  approximate!: boolean;

  @Field(() => Statistic, { description: 'The earlier statistic the change is computed against.' })
  comparedTo!: Statistic;
}
