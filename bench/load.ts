/**
 * Load and soak: mixed read traffic against `tradegraph serve` (a child process on loopback, the
 * embedded store loaded with the curated dataset), 50 connections for 60 s by default.
 *
 *   npm run bench:load                          # 50 connections, 60 s
 *   LOAD_CONNECTIONS=10 LOAD_SECONDS=20 npm run bench:load
 *   LOAD_ENGINE=neo4j npm run bench:load        # the server on Neo4j (NEO4J_URI's, or one launched by Maven)
 *   LOAD_TAG=cache-off TRADEGRAPH_READ_CACHE_ENTRIES=0 npm run bench:load   # a tag in the result's file name
 *   LOAD_WORKERS=2 LOAD_TAG=cache-off TRADEGRAPH_READ_CACHE_ENTRIES=0 npm run bench:load
 *   LOAD_SCALE=M npm run bench:load             # a generated scale's store (see below)
 *
 * `LOAD_SCALE=S|M|L` serves the store the suite keeps for that scale and seed
 * (`npm run bench -- --scale M --stores var/bench-stores` makes it; `LOAD_STORES` and `LOAD_SEED`
 * name another folder or seed) instead of a fresh store of the curated dataset. The mix is then
 * the suite's operations on that scale's probes (bench/suite/operations.ts: lookup, search,
 * members, ranking, time series, nested, path) and the same neighbourhood, of the probe company.
 * The server opens that store as it is, and only reads it.
 *
 * `LOAD_MIX=varied` asks about many entities instead of the same ones: the suite's operations
 * (bench/suite/operations.ts) and the neighbourhood, in 24 rounds, each round about other
 * companies (lookup, time series, neighbourhood, the path's start, the search's word) and another
 * association (members, ranking, nested), drawn from the served graph's first 200 companies and its
 * associations. Each connection cycles through the rounds, so at any moment the server is asked
 * different things, as by many users, and no two requests in flight need be the same (the file
 * name says `varied`).
 *
 * `LOAD_WORKERS` starts `tradegraph serve --workers N` (memory and CPU are then summed over the
 * primary and its workers, and the file name says `workers<N>`). The server inherits this
 * process's environment (TRADEGRAPH_READ_CACHE_ENTRIES and the like).
 *
 * Passes when no request fails (transport error, timeout, non-2xx status or GraphQL error) and
 * the server's RSS grows by at most 10% over the second half, as the least-squares line through
 * that half's samples says (one sample against another swings by ±15% with the collector and the
 * engine's buffers, so two samples alone fail a flat run now and then) (no
 * leak; a fall, such as the page cache or a response cache giving memory back, is not one). Prints latency percentiles, throughput and the RSS samples, and writes them to
 * bench/results/load-<date>.json.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { projectRoot } from '../src/paths';
import { CURATED_PROBES, datasetFor, type BenchScale, type Probes } from './suite/dataset';
import { startServer } from './suite/http';
import { operations } from './suite/operations';
import { neo4jTarget, type Neo4jTarget } from './suite/neo4j';

const CONNECTIONS = Number(process.env.LOAD_CONNECTIONS ?? 50);
const SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
const WORKERS = Number(process.env.LOAD_WORKERS ?? 1);
const WARM_UP_SECONDS = 5;
const ENGINE = process.env.LOAD_ENGINE ?? 'embedded';
const TAG = process.env.LOAD_TAG;
const SCALE = process.env.LOAD_SCALE ?? 'curated';
const STORES = path.resolve(process.env.LOAD_STORES ?? path.join(projectRoot(), 'var', 'bench-stores'));
const SEED = Number(process.env.LOAD_SEED ?? 1);
const MIX = process.env.LOAD_MIX ?? 'same';
const VARIED_ROUNDS = 24;

interface MixRequest {
  readonly query: string;
  readonly variables?: Record<string, string>;
}

/** The mix on the curated dataset: each connection cycles through these in turn. */
const OPERATIONS: Record<string, string> = {
  lookup: '{ company(id: "freightliner") { id name aliases companyType sources { title } } }',
  search:
    '{ search(text: "asociacion nacional", first: 10) { score node { id ... on Entity { name kind } } } }',
  members: `{ association(id: "anpact") { name members(asOf: "2026") { node { id name } claims { asOf source { title } } } } }`,
  ranking: `{ ranking(input: { membersOf: "anpact", membersAsOf: "2026", metric: "exports", period: "2026-01", destination: "US" }) {
    rows { rank subject { name } value coverage broaderThanAsked statistics { value source { publisher } } }
    context { metric value coverage } notes } }`,
  timeSeries: `{ statistics(subjects: ["MX"], metric: "exports") { period { label } value unit coverage
    destination { id } computedChange { percent } source { title } } }`,
  nested: `{ association(id: "anpact") { members { node { name statistics(metric: "exports") {
    value destination { id name } source { title } } } } } }`,
  neighbours:
    '{ neighbours(id: "freightliner", depth: 2, first: 50) { nodes { id name } edges { type fromId toId } } }',
  path: '{ paths(from: "daimay", to: "usmca", first: 5) { length nodes { id name } edges { type source { title } } } }',
};

const NEIGHBOURS_QUERY = `query Neighbours($id: ID!) {
  neighbours(id: $id, depth: 2, first: 50) { nodes { id name } edges { type fromId toId } }
}`;

/** The mix on a generated scale: the suite's operations on its probes, and the neighbourhood. */
function scaleMix(probes: Probes): Record<string, MixRequest> {
  const mix: Record<string, MixRequest> = {};
  for (const operation of operations(probes)) {
    mix[operation.name] = { query: operation.query, variables: operation.variables };
  }
  mix.neighbours = { query: NEIGHBOURS_QUERY, variables: { id: probes.company } };
  return mix;
}

/** The store and the mix: a fresh store of the curated dataset, or a kept store of a generated scale. */
async function target(
  scratch: string,
): Promise<{ database: string; mix: Record<string, MixRequest>; probes: Probes }> {
  if (SCALE === 'curated') {
    const mix = Object.fromEntries(Object.entries(OPERATIONS).map(([name, query]) => [name, { query }]));
    return { database: path.join(scratch, 'db'), mix, probes: CURATED_PROBES };
  }
  if (!['S', 'M', 'L'].includes(SCALE))
    throw new Error(`LOAD_SCALE=${SCALE}: give S, M or L (or leave it out)`);
  if (ENGINE !== 'embedded')
    throw new Error('LOAD_SCALE runs on the embedded engine only (leave out LOAD_ENGINE)');
  const dataset = await datasetFor(SCALE as BenchScale, SEED, (line) => process.stdout.write(`${line}\n`));
  const database = path.join(STORES, `${SCALE}-${SEED}-${dataset.generatorHash}`, 'db');
  if (!existsSync(database)) {
    throw new Error(
      `no kept store of scale ${SCALE} (seed ${SEED}) at ${database}: make it with ` +
        `npm run bench -- --scale ${SCALE} --seed ${SEED} --stores ${STORES}`,
    );
  }
  return { database, mix: scaleMix(dataset.probes), probes: dataset.probes };
}

/** Asks the served graph a query, and fails on any error. */
async function ask<T>(url: string, query: string): Promise<T> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  if (!body.data || body.errors) throw new Error(`${query}: ${JSON.stringify(body).slice(0, 500)}`);
  return body.data;
}

/** `LOAD_MIX=varied`: the mix in rounds, each about other entities of the served graph (see the top). */
async function variedMix(url: string, probes: Probes): Promise<{ name: string; request: MixRequest }[]> {
  type Page<T> = { edges: { node: T }[] };
  const { companies: companyPage } = await ask<{ companies: Page<{ id: string; name: string }> }>(
    url,
    '{ companies(first: 200) { edges { node { id name } } } }',
  );
  const { associations: associationPage } = await ask<{ associations: Page<{ id: string }> }>(
    url,
    '{ associations(first: 50) { edges { node { id } } } }',
  );
  const companies = companyPage.edges.map((edge) => edge.node);
  const associations = associationPage.edges.map((edge) => edge.node);
  if (companies.length === 0 || associations.length === 0)
    throw new Error('the graph has no company or association');
  const pick = <T>(list: readonly T[], index: number): T => list[index % list.length] as T;
  const entries: { name: string; request: MixRequest }[] = [];
  for (let round = 0; round < VARIED_ROUNDS; round += 1) {
    const company = pick(companies, round * 7);
    const word = company.name.split(/[^\p{L}\p{N}]+/u).find((each) => each.length >= 4) ?? company.name;
    const asked: Probes = {
      ...probes,
      company: company.id,
      searchText: word,
      association: pick(associations, round).id,
      timeSeriesSubject: pick(companies, round * 7 + 3).id,
      pathFrom: pick(companies, round * 7 + 5).id,
    };
    for (const [name, request] of Object.entries(scaleMix(asked))) entries.push({ name, request });
  }
  return entries;
}

/** The requests of the mix (see LOAD_MIX), each of which must answer without errors before the load starts. */
async function checkedRequests(url: string, mix: Record<string, MixRequest>, probes: Probes) {
  const entries =
    MIX === 'varied'
      ? await variedMix(url, probes)
      : Object.entries(mix).map(([name, request]) => ({ name, request }));
  const requests = entries.map((entry) => ({
    name: entry.name,
    method: 'POST' as const,
    path: '/graphql',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(entry.request),
  }));
  for (const request of requests) {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: request.headers,
      body: request.body,
    });
    const body = (await response.json()) as { data?: unknown; errors?: unknown[] };
    if (response.status !== 200 || body.errors || !body.data) {
      throw new Error(`${request.name} fails: ${JSON.stringify(body).slice(0, 2000)}`);
    }
  }
  return requests;
}

/** The process and its children (the workers of `serve --workers`). */
function processTree(pid: number): number[] {
  const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').split(' ').filter(Boolean);
  return [pid, ...children.flatMap((child) => processTree(Number(child)))];
}

/** Resident memory of the server: its process and its workers, summed. */
function rssMiB(pid: number): number {
  let kib = 0;
  for (const each of processTree(pid)) {
    const status = readFileSync(`/proc/${each}/status`, 'utf8');
    kib += Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? NaN);
  }
  return Math.round((kib / 1024) * 10) / 10;
}

/** CPU seconds the server (its process and workers) has used, user and system, threads included. */
function cpuSeconds(pid: number): number {
  let ticks = 0;
  for (const each of processTree(pid)) {
    // Fields after the command's closing parenthesis: utime and stime are the 12th and 13th.
    const fields = readFileSync(`/proc/${each}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    ticks += Number(fields[11]) + Number(fields[12]);
  }
  return ticks / 100;
}

/** How much the least-squares line through the samples rises over their span, against their mean. */
function trendGrowth(samples: readonly { second: number; rssMiB: number }[]): number {
  if (samples.length < 2) return NaN;
  const n = samples.length;
  const meanX = samples.reduce((sum, each) => sum + each.second, 0) / n;
  const meanY = samples.reduce((sum, each) => sum + each.rssMiB, 0) / n;
  let covariance = 0;
  let variance = 0;
  for (const each of samples) {
    covariance += (each.second - meanX) * (each.rssMiB - meanY);
    variance += (each.second - meanX) ** 2;
  }
  const span = (samples[n - 1]?.second ?? 0) - (samples[0]?.second ?? 0);
  return variance === 0 ? NaN : ((covariance / variance) * span) / meanY;
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

async function main(): Promise<void> {
  if (ENGINE !== 'embedded' && ENGINE !== 'neo4j') throw new Error('LOAD_ENGINE: give embedded or neo4j');
  if (MIX !== 'same' && MIX !== 'varied')
    throw new Error(`LOAD_MIX=${MIX}: give same or varied (or leave it out)`);
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'tradegraph-load-'));
  const { database, mix, probes } = await target(scratch).catch((error: unknown) => {
    rmSync(scratch, { recursive: true, force: true });
    throw error;
  });
  // On Neo4j the server loads the curated dataset into the (empty) database itself.
  let neo4j: Neo4jTarget | undefined;
  if (ENGINE === 'neo4j') neo4j = await neo4jTarget((line) => process.stdout.write(`${line}\n`));
  const server = await startServer(database, neo4j ? { NEO4J_URI: neo4j.uri } : {}, [
    path.join('src', 'cli', 'main.ts'),
    'serve',
    ...(WORKERS > 1 ? ['--workers', String(WORKERS)] : []),
  ]).catch(async (error: unknown) => {
    await neo4j?.stop();
    throw error;
  });
  const requests = await checkedRequests(server.url, mix, probes).catch(async (error: unknown) => {
    await server.stop();
    await neo4j?.stop();
    rmSync(scratch, { recursive: true, force: true });
    throw error;
  });
  const names = requests.map((request) => request.name);

  const graphqlErrors = new Map<string, number>();
  const latencies: number[] = [];
  const latenciesByOperation = new Map<string, number[]>();
  const run = (seconds: number, record: boolean) =>
    autocannon({
      url: server.url,
      connections: CONNECTIONS,
      duration: seconds,
      timeout: 10,
      requests: requests.map(({ name: _name, ...request }, index) => ({
        ...request,
        onResponse: (status: number, body: string) => {
          if (!record) return;
          if (status !== 200 || body.includes('"errors"')) {
            const name = names[index] ?? '?';
            graphqlErrors.set(name, (graphqlErrors.get(name) ?? 0) + 1);
          }
        },
      })),
      setupClient: (client) => {
        if (!record) return;
        // A connection asks the mix's requests in turn: its n-th answer is to request n mod length.
        let answered = 0;
        client.on('response', (_status, _bytes, time) => {
          latencies.push(time);
          const name = names[answered % names.length] ?? '?';
          answered += 1;
          const own = latenciesByOperation.get(name);
          if (own) own.push(time);
          else latenciesByOperation.set(name, [time]);
        });
      },
    });

  process.stdout.write(`warming up for ${WARM_UP_SECONDS} s\n`);
  await run(WARM_UP_SECONDS, false);

  const samples: { second: number; rssMiB: number }[] = [];
  const started = Date.now();
  const sampler = setInterval(() => {
    samples.push({ second: Math.round((Date.now() - started) / 1000), rssMiB: rssMiB(server.pid) });
  }, 1000);
  samples.push({ second: 0, rssMiB: rssMiB(server.pid) });
  const cpuBefore = cpuSeconds(server.pid);
  process.stdout.write(
    `${CONNECTIONS} connections for ${SECONDS} s: ${[...new Set(names)].join(', ')} (${requests.length} requests, ${MIX})\n`,
  );
  const result = await run(SECONDS, true);
  clearInterval(sampler);
  const serverCores = (cpuSeconds(server.pid) - cpuBefore) / ((Date.now() - started) / 1000);
  const after = rssMiB(server.pid);
  samples.push({ second: Math.round((Date.now() - started) / 1000), rssMiB: after });
  const code = await server.stop();
  await neo4j?.stop();
  rmSync(scratch, { recursive: true, force: true });

  const half = samples.find((sample) => sample.second >= SECONDS / 2) ?? samples[0];
  const sorted = [...latencies].sort((a, b) => a - b);
  const failures =
    result.errors + result.timeouts + result.non2xx + [...graphqlErrors.values()].reduce((a, b) => a + b, 0);
  const growth = trendGrowth(samples.filter((sample) => sample.second >= SECONDS / 2));
  const report = {
    date: new Date().toISOString(),
    machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 1024 ** 3)} GiB, ${os.platform()} ${os.release()}, Node ${process.version}`,
    engine: neo4j ? `neo4j (${neo4j.settings})` : 'embedded',
    scale: SCALE === 'curated' ? 'curated' : `${SCALE} (seed ${SEED})`,
    load: os.loadavg().map((value) => Math.round(value * 100) / 100),
    workers: WORKERS,
    readCacheEntries: process.env.TRADEGRAPH_READ_CACHE_ENTRIES ?? 'default',
    responseCacheMiB: process.env.TRADEGRAPH_RESPONSE_CACHE_MB ?? 'default',
    connections: CONNECTIONS,
    seconds: SECONDS,
    mix: MIX,
    operations: [...new Set(names)],
    distinctRequests: new Set(requests.map((request) => request.body)).size,
    requests: result.requests.total,
    requestsPerSecond: Math.round(result.requests.average),
    /** Cores the server kept busy on average during the run (CPU seconds per second). */
    serverCores: Math.round(serverCores * 100) / 100,
    latencyMs: {
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      p99: percentile(sorted, 99),
      max: sorted.at(-1) ?? NaN,
    },
    /** Latency of each operation of the mix, in ms. */
    latencyByOperationMs: Object.fromEntries(
      [...latenciesByOperation].map(([name, times]) => {
        const ordered = [...times].sort((a, b) => a - b);
        return [name, { requests: times.length, p50: percentile(ordered, 50), p99: percentile(ordered, 99) }];
      }),
    ),
    failures: {
      transport: result.errors,
      timeouts: result.timeouts,
      non2xx: result.non2xx,
      graphql: Object.fromEntries(graphqlErrors),
    },
    rssMiB: {
      start: samples[0]?.rssMiB,
      secondHalfStart: half?.rssMiB,
      after,
      /** Over the second half, by the least-squares line through its samples. */
      growthPercent: Math.round(growth * 1000) / 10,
    },
    rssSamples: samples,
    serverExitCode: code,
  };
  mkdirSync(path.join(projectRoot(), 'bench', 'results'), { recursive: true });
  const name = [
    report.date.slice(0, 10),
    SCALE === 'curated' ? '' : SCALE,
    ENGINE === 'embedded' ? '' : ENGINE,
    process.env.LOAD_WORKERS === undefined ? '' : `workers${WORKERS}`,
    MIX === 'same' ? '' : MIX,
    TAG ?? '',
  ].filter(Boolean);
  const file = path.join(projectRoot(), 'bench', 'results', `load-${name.join('-')}.json`);
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  const { rssSamples: _samples, ...summary } = report;
  process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);

  const problems: string[] = [];
  if (failures > 0) problems.push(`${failures} failed requests`);
  if (!(growth <= 0.1)) problems.push(`RSS grew by ${report.rssMiB.growthPercent}% over the second half`);
  if (code !== 0) problems.push(`the server exited with ${code} on SIGTERM`);
  if (problems.length > 0) {
    process.stderr.write(`FAIL: ${problems.join('; ')}\n`);
    process.exitCode = 1;
  } else {
    process.stdout.write('PASS: no failed request, no RSS growth over the second half, clean shutdown\n');
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
