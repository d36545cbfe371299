/**
 * Two trees' servers side by side on copies of one database, driven in alternation, so both see
 * the same machine load (the suite's runs, minutes apart on a shared machine, do not). For each of
 * the suite's operations: latency at one connection, one request to each server in turn (the
 * order swapped every round), and throughput at `--connections`, short autocannon bursts on each
 * in turn. Answer cache off on both. Prints a markdown table with after/before ratios and writes
 * the raw figures as JSON.
 *
 *   npx tsx bench/alternate.ts --before <tree> --after <tree> --db <database dir> --probes <probes.json>
 *     [--rounds 200] [--bursts 4] [--burst-seconds 2] [--connections 10] [--out results.json]
 *     [--before-env NAME=value,…] [--after-env NAME=value,…] [--anchor]
 *
 * `--anchor` adds the operations the suite runs against @neo4j/graphql (bench/suite/anchor.ts),
 * as tradegraph asks them ("anchor: member statistics", …).
 *
 * The same tree on both sides with a different environment compares a setting (a variable of ours,
 * or the C library's, such as MALLOC_MMAP_THRESHOLD_).
 *
 * Each tree needs its node_modules; the database is copied once per tree (the embedded engine
 * allows one process per database).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { membersOf, sharedOperations } from './suite/anchor';
import { operations } from './suite/operations';
import type { Probes } from './suite/dataset';
import { startServer, type Server } from './suite/http';

const argv = process.argv.slice(2);
const option = (name: string, fallback?: string): string => {
  const at = argv.indexOf(`--${name}`);
  const value = at >= 0 ? argv[at + 1] : fallback;
  if (value === undefined) throw new Error(`give --${name}`);
  return value;
};

/** `NAME=value,NAME=value` as an environment. */
function environmentOption(text: string): Record<string, string> {
  const entries = text
    .split(',')
    .filter(Boolean)
    .map((pair) => {
      const at = pair.indexOf('=');
      if (at <= 0) throw new Error(`an environment entry is NAME=value, not "${pair}"`);
      return [pair.slice(0, at), pair.slice(at + 1)] as const;
    });
  return Object.fromEntries(entries);
}

async function timed(url: string, body: string): Promise<number> {
  const started = process.hrtime.bigint();
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
  const text = await response.text();
  if (response.status !== 200 || text.includes('"errors"')) throw new Error(`${url}: ${text.slice(0, 500)}`);
  return Number(process.hrtime.bigint() - started) / 1e6;
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

async function burst(url: string, body: string, connections: number, seconds: number): Promise<number> {
  const result = await autocannon({
    url: `${url}/graphql`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
    connections,
    duration: seconds,
  });
  return result.requests.total;
}

async function main(): Promise<void> {
  const trees = { before: path.resolve(option('before')), after: path.resolve(option('after')) };
  const probes = (JSON.parse(readFileSync(option('probes'), 'utf8')) as { probes: Probes }).probes;
  const rounds = Number(option('rounds', '200'));
  const bursts = Number(option('bursts', '4'));
  const burstSeconds = Number(option('burst-seconds', '2'));
  const connections = Number(option('connections', '10'));
  const environments = {
    before: environmentOption(option('before-env', '')),
    after: environmentOption(option('after-env', '')),
  };
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'tradegraph-alternate-'));
  const servers: Server[] = [];
  try {
    const dbs = ['before', 'after'].map((side) => {
      const copy = path.join(scratch, side);
      cpSync(path.resolve(option('db')), copy, { recursive: true });
      return copy;
    });
    // The answer cache off on both sides: what a new question costs.
    const serve = (side: 'before' | 'after', database: string): Promise<Server> =>
      startServer(
        database,
        { ...environments[side], TRADEGRAPH_READ_CACHE_ENTRIES: '0' },
        undefined,
        trees[side],
      );
    const [before, after] = await Promise.all([serve('before', dbs[0]!), serve('after', dbs[1]!)]);
    servers.push(before!, after!);
    const rows: Record<string, unknown>[] = [];
    const anchor = argv.includes('--anchor')
      ? sharedOperations(probes, await membersOf(before!.url, probes.association)).map((operation) => ({
          name: `anchor: ${operation.name}`,
          ...operation.tradegraph,
        }))
      : [];
    for (const operation of [...operations(probes), ...anchor]) {
      const body = JSON.stringify({ query: operation.query, variables: operation.variables });
      const a = await fetch(`${before!.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      }).then((r) => r.json());
      const b = await fetch(`${after!.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      }).then((r) => r.json());
      const same = JSON.stringify(a) === JSON.stringify(b);
      const latency = { before: [] as number[], after: [] as number[] };
      for (let i = 0; i < rounds; i += 1) {
        const order = i % 2 === 0 ? (['before', 'after'] as const) : (['after', 'before'] as const);
        for (const side of order)
          latency[side].push(await timed(side === 'before' ? before!.url : after!.url, body));
      }
      const requests = { before: 0, after: 0 };
      for (let i = 0; i < bursts; i += 1) {
        const order = i % 2 === 0 ? (['before', 'after'] as const) : (['after', 'before'] as const);
        for (const side of order)
          requests[side] += await burst(
            side === 'before' ? before!.url : after!.url,
            body,
            connections,
            burstSeconds,
          );
      }
      const row = {
        name: operation.name,
        sameAnswer: same,
        p50: { before: median(latency.before), after: median(latency.after) },
        requestsPerSecond: {
          before: requests.before / (bursts * burstSeconds),
          after: requests.after / (bursts * burstSeconds),
        },
      };
      rows.push(row);
      process.stdout.write(
        `${operation.name.padEnd(12)} same answer ${same}  p50 ${row.p50.before.toFixed(2)} → ${row.p50.after.toFixed(2)} ms (${(row.p50.after / row.p50.before).toFixed(2)}×)` +
          `  req/s ${row.requestsPerSecond.before.toFixed(0)} → ${row.requestsPerSecond.after.toFixed(0)} (${(row.requestsPerSecond.after / row.requestsPerSecond.before).toFixed(2)}×)\n`,
      );
    }
    writeFileSync(
      option('out', path.join(scratch, 'alternate.json')),
      `${JSON.stringify({ date: new Date().toISOString(), trees, environments, rounds, bursts, burstSeconds, connections, loadavg: os.loadavg(), rows }, null, 2)}\n`,
    );
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
    rmSync(scratch, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
