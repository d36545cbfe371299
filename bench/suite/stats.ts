/** Latency percentiles. */
export interface LatencySummary {
  readonly count: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly mean: number;
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}

const round = (ms: number): number => Math.round(ms * 1000) / 1000;

export function summarise(samples: readonly number[]): LatencySummary {
  const sorted = [...samples].sort((a, b) => a - b);
  const mean = sorted.reduce((sum, x) => sum + x, 0) / Math.max(1, sorted.length);
  return {
    count: sorted.length,
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
    mean: round(mean),
  };
}

/** Runs `work` one call at a time until `seconds` have passed (at least `minimum` calls), timing each. */
export async function sequential(
  work: () => Promise<void>,
  seconds: number,
  minimum = 20,
): Promise<LatencySummary> {
  const samples: number[] = [];
  const until = process.hrtime.bigint() + BigInt(Math.round(seconds * 1e9));
  while (samples.length < minimum || process.hrtime.bigint() < until) {
    const started = process.hrtime.bigint();
    await work();
    samples.push(Number(process.hrtime.bigint() - started) / 1e6);
    if (samples.length >= 100_000) break;
  }
  return summarise(samples);
}
