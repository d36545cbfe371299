/**
 * How an operation's latency grows with the graph: the suite's operations (bench/suite/operations.ts)
 * run in-process on two embedded databases made by the generator (say S and L), alternately, one
 * call at a time, so that both see the same machine at the same moments. Prints each operation's
 * p50 on both and the ratio (the target for index-backed operations: at most 2).
 *
 *   npx tsx bench/profile-scale.ts --small <dir> --large <dir> [--calls 30] [--ops lookup,members,"time series"]
 *
 * Each is a database directory with the generator's `probes.json` in the directory above it, or
 * give the probes with `--small-probes` and `--large-probes`. No read cache: this measures the store.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { EmbeddedStore } from '../src/store/embedded/embedded-store';
import { createTradeGraph, type TradeGraph } from '../src/trade-graph';
import type { Probes } from './suite/dataset';
import { operations, type Operation } from './suite/operations';

const argv = process.argv.slice(2);
const option = (name: string, fallback: string): string => {
  const at = argv.indexOf(`--${name}`);
  return at >= 0 ? (argv[at + 1] ?? fallback) : fallback;
};

const p50 = (times: readonly number[]): number => {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

interface Side {
  readonly store: EmbeddedStore;
  readonly graph: TradeGraph;
  readonly operations: Operation[];
}

async function open(directory: string, probesFile: string): Promise<Side> {
  const probes = (JSON.parse(readFileSync(probesFile, 'utf8')) as { probes: Probes }).probes;
  const store = await EmbeddedStore.open({ directory, queryTimeoutMs: 120_000 });
  const graph = await createTradeGraph({ store });
  return { store, graph, operations: operations(probes) };
}

async function timed(graph: TradeGraph, operation: Operation): Promise<number> {
  const started = process.hrtime.bigint();
  const result = await graph.execute(operation.query, operation.variables);
  if (result.errors) throw new Error(`${operation.name}: ${JSON.stringify(result.errors)}`);
  return Number(process.hrtime.bigint() - started) / 1e6;
}

async function main(): Promise<void> {
  const smallDir = option('small', '');
  const largeDir = option('large', '');
  if (!smallDir || !largeDir) throw new Error('give --small <dir> and --large <dir>');
  const small = await open(
    smallDir,
    option('small-probes', path.join(path.dirname(smallDir), 'probes.json')),
  );
  const large = await open(
    largeDir,
    option('large-probes', path.join(path.dirname(largeDir), 'probes.json')),
  );
  const calls = Number(option('calls', '30'));
  try {
    for (const name of option('ops', 'lookup,members,time series').split(',')) {
      const a = small.operations.find((operation) => operation.name === name);
      const b = large.operations.find((operation) => operation.name === name);
      if (!a || !b) throw new Error(`unknown operation ${name}`);
      for (let i = 0; i < 3; i += 1) {
        await timed(small.graph, a);
        await timed(large.graph, b);
      }
      const ta: number[] = [];
      const tb: number[] = [];
      for (let i = 0; i < calls; i += 1) {
        ta.push(await timed(small.graph, a));
        tb.push(await timed(large.graph, b));
      }
      process.stdout.write(
        `${name.padEnd(12)} small p50 ${p50(ta).toFixed(2)} ms  large p50 ${p50(tb).toFixed(2)} ms  ` +
          `large/small ${(p50(tb) / p50(ta)).toFixed(2)}\n`,
      );
    }
  } finally {
    await small.store.close();
    await large.store.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
