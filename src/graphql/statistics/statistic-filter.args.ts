import { ArgsType, Field } from 'type-graphql';
import { METRIC_NAMES, isMetric } from '../../domain/metrics.js';
import { STATISTIC_LINKS } from '../../domain/relationships.js';
import { closestNames, didYouMean } from '../../search/suggest.js';
import { checkIds } from '../common/check-ids.js';
import type { GraphContext } from '../context.js';
import { parsePeriod } from '../../domain/period.js';
import { BadUserInputError } from '../errors.js';
import type { StatisticQuery } from '../loaders.js';

@ArgsType()
export class StatisticFilterArgs {
  @Field(() => String, {
    nullable: true,
    description: 'Only this metric (see the `metrics` query), e.g. exports.',
  })
  metric?: string;

  @Field(() => String, {
    nullable: true,
    description:
      'Only statistics for exactly this period: 2026-01, 2024-Q1, 2023-H1, 2025, or 2025-01/2025-10.',
  })
  period?: string;

  @Field(() => String, {
    nullable: true,
    description: 'Only statistics whose period lies within this one (e.g. 2025).',
  })
  within?: string;

  @Field(() => String, {
    nullable: true,
    description: 'Only figures for this destination (a Country or Region id).',
  })
  destination?: string;

  @Field(() => String, {
    nullable: true,
    description: 'Only figures for this origin (a Country or Region id).',
  })
  origin?: string;

  @Field(() => String, { nullable: true, description: 'Only figures for this sector (a Sector id).' })
  sector?: string;

  @Field(() => Boolean, {
    defaultValue: false,
    description: 'Only figures that cover all destinations (no destination split given by the source).',
  })
  totalsOnly!: boolean;
}

/** Refuses an unknown metric, naming the closest known ones. */
export function checkMetric(metric: string, argument: string): void {
  if (isMetric(metric)) return;
  const suggestions = closestNames(metric, METRIC_NAMES);
  throw new BadUserInputError(
    `${argument}: "${metric}" is not a known metric${didYouMean(suggestions)}; the metrics query lists them all`,
    argument,
    suggestions,
  );
}

/** Refuses ids that name no entity (checkIds, any kind), naming the entities each may mean ("Mexico" → MX). */
export async function checkSubjects(
  ids: readonly string[],
  ctx: GraphContext,
  argument: string,
): Promise<void> {
  await checkIds(ids, ctx, argument);
}

/**
 * Refuses a destination, origin or sector that names no Country or Region (no Sector), with the
 * close ids: a typo there would otherwise answer an empty list in silence.
 */
export async function checkStatisticFilterIds(
  args: Partial<StatisticFilterArgs>,
  ctx: GraphContext,
  prefix = '',
): Promise<void> {
  const { DESTINATION, ORIGIN, FOR_SECTOR } = STATISTIC_LINKS;
  await Promise.all([
    args.destination ? checkIds([args.destination], ctx, `${prefix}destination`, DESTINATION.to) : undefined,
    args.origin ? checkIds([args.origin], ctx, `${prefix}origin`, ORIGIN.to) : undefined,
    args.sector ? checkIds([args.sector], ctx, `${prefix}sector`, FOR_SECTOR.to) : undefined,
  ]);
}

function checkPeriod(label: string | undefined, argument: string): void {
  if (label === undefined) return;
  const period = parsePeriod(label);
  if (typeof period === 'string') throw new BadUserInputError(`${argument}: ${period}`, argument);
}

/** Checks the arguments and turns them into the loader's filter. */
export function toStatisticQuery(args: Partial<StatisticFilterArgs>): StatisticQuery {
  if (args.metric !== undefined && args.metric !== null) checkMetric(args.metric, 'metric');
  checkPeriod(args.period ?? undefined, 'period');
  checkPeriod(args.within ?? undefined, 'within');
  const query: Record<string, string | boolean> = {};
  for (const key of ['metric', 'period', 'within', 'destination', 'origin', 'sector'] as const) {
    const value = args[key];
    if (typeof value === 'string') query[key] = value;
  }
  if (args.totalsOnly) query.totalsOnly = true;
  return query as StatisticQuery;
}
