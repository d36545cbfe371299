import type { ComplexityEstimator, ComplexityEstimatorArgs } from 'graphql-query-complexity';
import { DEFAULT_LIMITS, PATH_LENGTH_CEILING, type QueryLimits } from './query-limits.js';

/**
 * The cost model: how much an operation may cost is estimated from its text and variables before
 * anything runs, and refused above `maxCost`. Every field costs 1 plus what is selected under it;
 * a list multiplies what is selected under it by the number of items it may return: `first` where
 * the field takes one, otherwise the size assumed below. Fields that reach the store add a fixed
 * price per round trip (most are batched per level, so this is per field, not per item).
 *
 * The numbers are set on the fields (type-graphql's `complexity` option) with the helpers below, so
 * each field's price sits next to its definition. SECURITY.md lists them.
 */

/** What the estimators see of the request, passed to `getComplexity` as its context. */
export interface CostContext {
  readonly limits: QueryLimits;
}

/** Prices of the work behind a field, in cost units (a plain field costs 1). */
export const PRICE = {
  /** One batched store round trip. */
  storeCall: 5,
  /** A statement that scans a whole kind (search) or expands a pattern (shortest paths), per step. */
  scan: 20,
} as const;

/** Items assumed for lists that take no `first`: the largest seen in the curated dataset, rounded up. */
export const ASSUMED_SIZE = {
  /** An entity's relations of every type (`relations`). */
  relations: 20,
  /** An entity's relations of one type (`members`, `plants`, `people`, …). */
  typedRelations: 10,
  /** The sources stating one relationship (`claims`). */
  claims: 2,
  /** The sources describing an entity (`sources`). */
  sources: 3,
  /** An entity's statistics with no filter; a period divides it by 4 and a metric by 2. */
  statistics: 20,
  /** Rows of a ranking. */
  rankingRows: 25,
  /** Statistics behind one ranking row. */
  rankingStatistics: 3,
  /** Context statistics of a ranking. */
  rankingContext: 5,
  /** Edges per node of a neighbourhood. */
  edgesPerNode: 3,
} as const;

function limitsOf(estimate: ComplexityEstimatorArgs): QueryLimits {
  const context = estimate.context as Partial<CostContext> | undefined;
  return context?.limits ?? DEFAULT_LIMITS;
}

/**
 * An integer argument for pricing, clamped to what the resolver accepts: a value out of range is
 * refused by the resolver with a message naming the argument, not priced as if it would run.
 */
function intArg(estimate: ComplexityEstimatorArgs, name: string, fallback: number, max: number): number {
  const value: unknown = estimate.args[name];
  const given = typeof value === 'number' && Number.isFinite(value) ? Math.trunc(value) : fallback;
  return Math.min(Math.max(given, 1), max);
}

const given = (estimate: ComplexityEstimatorArgs, name: string): boolean => {
  const value: unknown = estimate.args[name];
  return value !== undefined && value !== null;
};

/** What is selected under a field; at least 1, so a list of bare ids still costs per item. */
const perItem = (estimate: ComplexityEstimatorArgs): number => Math.max(1, estimate.childComplexity);

/** A list of an assumed size, optionally behind a store round trip. */
export function listCost(items: number, base = 1): ComplexityEstimator {
  return (estimate) => base + items * perItem(estimate);
}

/** A list or connection of `first` items (`defaultFirst` when the argument is left out). */
export function pageCost(defaultFirst: number, base: number = PRICE.storeCall): ComplexityEstimator {
  return (estimate) => {
    const first = intArg(estimate, 'first', defaultFirst, limitsOf(estimate).maxFirst);
    return base + first * perItem(estimate);
  };
}

/** An entity's statistics: fewer when filtered by period or metric. */
export const entityStatisticsCost: ComplexityEstimator = (estimate) => {
  let items: number = ASSUMED_SIZE.statistics;
  if (given(estimate, 'period')) items /= 4;
  if (given(estimate, 'metric')) items /= 2;
  return PRICE.storeCall + Math.max(1, Math.ceil(items)) * perItem(estimate);
};

/** `statistics(subjects:, first:)`: at most `first`, and no more than the subjects can have. */
export const statisticsQueryCost: ComplexityEstimator = (estimate) => {
  const limits = limitsOf(estimate);
  const first = intArg(estimate, 'first', limits.maxFirst, limits.maxFirst);
  const subjects: unknown = estimate.args.subjects;
  const count = Array.isArray(subjects) ? Math.min(Math.max(subjects.length, 1), limits.maxFirst) : 1;
  let perSubject: number = ASSUMED_SIZE.statistics;
  if (given(estimate, 'period')) perSubject /= 4;
  if (given(estimate, 'metric')) perSubject /= 2;
  const items = Math.min(first, Math.max(1, Math.ceil(count * perSubject)));
  return PRICE.storeCall + items * perItem(estimate);
};

/** `neighbours(depth:, first:)`: one round trip per level, up to `first` entities. */
export const neighboursCost: ComplexityEstimator = (estimate) => {
  const limits = limitsOf(estimate);
  const depth = intArg(estimate, 'depth', 1, limits.maxTraversalDepth);
  const first = intArg(estimate, 'first', 100, limits.maxFirst);
  return PRICE.storeCall * (depth + 1) + first * perItem(estimate);
};

/** `paths(maxLength:, first:)`: the search grows with the length; each path has up to maxLength + 1 nodes. */
export const pathsCost: ComplexityEstimator = (estimate) => {
  const limits = limitsOf(estimate);
  const ceiling = Math.min(limits.maxPathLength, PATH_LENGTH_CEILING);
  const maxLength = intArg(estimate, 'maxLength', ceiling, ceiling);
  const first = intArg(estimate, 'first', 10, limits.maxFirst);
  return PRICE.scan * maxLength + first * (maxLength + 1) * perItem(estimate);
};

/** `ranking(input:)`: the subjects, their statistics and the context, in a few batched round trips. */
export const rankingCost: ComplexityEstimator = (estimate) => 4 * PRICE.storeCall + estimate.childComplexity;

/** An entity's relations of every type. */
export const relationsCost = listCost(ASSUMED_SIZE.relations, PRICE.storeCall);

/** An entity's relations of one type (`members`, `plants`, `people`, …). */
export const typedRelationsCost = listCost(ASSUMED_SIZE.typedRelations, PRICE.storeCall);
