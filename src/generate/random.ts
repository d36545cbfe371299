import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

/**
 * Seeded randomness for the generator: every entity and every series draws from its own
 * generator, seeded from the run's seed and its own name, so one part can be generated without
 * replaying the others (the statistics pass re-derives what the entity pass decided).
 */
export class Random {
  private readonly rng: ReturnType<typeof xoroshiro128plus>;

  constructor(seed: number, ...path: readonly (string | number)[]) {
    this.rng = xoroshiro128plus(mix(seed, path));
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return uniformInt(this.rng, min, max);
  }

  /** A float in [0, 1). */
  float(): number {
    return uniformFloat64(this.rng);
  }

  between(min: number, max: number): number {
    return min + (max - min) * this.float();
  }

  chance(probability: number): boolean {
    return this.float() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick from an empty list');
    return items[this.int(0, items.length - 1)] as T;
  }

  /** An item chosen with probability proportional to its weight (cumulative weights given). */
  pickWeighted<T>(items: readonly T[], cumulative: readonly number[]): T {
    const total = cumulative[cumulative.length - 1] ?? 0;
    const x = this.float() * total;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((cumulative[middle] ?? 0) > x) high = middle;
      else low = middle + 1;
    }
    return items[low] as T;
  }

  /** Pareto (heavy tail): at least `minimum`, P(X > x) = (minimum / x)^alpha. */
  pareto(minimum: number, alpha: number): number {
    return minimum / Math.pow(1 - this.float(), 1 / alpha);
  }

  /** A standard normal draw (Box–Muller). */
  normal(): number {
    const u = 1 - this.float();
    const v = this.float();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** `count` distinct integers of [0, n), in the order drawn. */
  distinct(n: number, count: number): number[] {
    const wanted = Math.min(n, count);
    const seen = new Set<number>();
    const out: number[] = [];
    while (out.length < wanted) {
      const i = this.int(0, n - 1);
      if (!seen.has(i)) {
        seen.add(i);
        out.push(i);
      }
    }
    return out;
  }
}

/** Cumulative sums of weights, for `pickWeighted`. */
export function cumulativeOf(weights: readonly number[]): number[] {
  let sum = 0;
  return weights.map((w) => (sum += w));
}

/** A 32-bit seed from the run's seed and a path of names and numbers (FNV-1a, then a finaliser). */
function mix(seed: number, path: readonly (string | number)[]): number {
  let h = 0x811c9dc5 ^ (seed | 0);
  h = Math.imul(h, 0x01000193);
  h ^= Math.floor(seed / 0x100000000);
  for (const part of path) {
    const text = typeof part === 'number' ? `#${part}` : `/${part}`;
    for (let i = 0; i < text.length; i += 1) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}
