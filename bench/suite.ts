/**
 * The side-by-side benchmark suite: for each scale, generate (cached), import, serve, and measure
 * the fixed operations over HTTP and in-process against their floors. See bench/README.md.
 *
 *   npm run bench                                  # scale S
 *   npm run bench -- --scale S,M --duration 10 --connections 10 --seed 1
 *   npm run bench -- --scale curated               # the curated dataset alone: try the harness
 *
 * Writes bench/results/<date>-<scale>.json, rewrites the tables of "Scale and speed" in
 * bench/README.md from the latest result of each scale, and draws bench/results/latency-by-scale.svg.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { projectRoot } from '../src/paths';
import { datasetFor, type BenchScale } from './suite/dataset';
import { checkOnce, drive, rssOf, startServer, type GraphQLRequest, type HttpRun } from './suite/http';
import type { ImportMeasurement } from './suite/import-child';
import { measureInProcess } from './suite/in-process';
import { nestingDepth, operations, STACK_FLOOR, type Operation } from './suite/operations';
import { updateReport } from './suite/report';
import type { HttpPair, Machine, OperationResult, ScaleResult, ServerRun } from './suite/results';

const RESULTS = path.join(__dirname, 'results');
const WARM_UP_SECONDS = 2;

const log = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

function machine(): Machine {
  const cpu =
    /model name\s*:\s*(.+)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1]?.trim() ?? os.cpus()[0]?.model;
  return {
    nproc: os.availableParallelism(),
    cpu: cpu ?? 'unknown',
    ramGiB: Math.round(os.totalmem() / 1024 ** 3),
    node: process.version,
    kernel: `${os.type()} ${os.release()}`,
  };
}

/** The commit measured and how many files differ from it (read only; the suite changes no git state). */
function treeState(): { commit: string; uncommittedFiles: number } {
  try {
    const git = (...args: string[]): string =>
      execFileSync('git', args, { cwd: projectRoot(), encoding: 'utf8' }).trim();
    const changed = git('status', '--porcelain', '--', 'src', 'cypher');
    return {
      commit: git('rev-parse', '--short', 'HEAD'),
      uncommittedFiles: changed === '' ? 0 : changed.split('\n').length,
    };
  } catch {
    return { commit: 'unknown', uncommittedFiles: 0 };
  }
}

async function importInChild(
  databaseDirectory: string,
  poolGiB: number,
  files: readonly string[],
): Promise<ImportMeasurement> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      path.join(__dirname, 'suite', 'import-child.ts'),
      databaseDirectory,
      String(poolGiB),
      ...files,
    ],
    { cwd: projectRoot(), env: { ...process.env, NODE_OPTIONS: '' }, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`the import failed (exit ${code}): ${output}`);
  return JSON.parse(output.trim().split('\n').pop() ?? '') as ImportMeasurement;
}

const line = (name: string, run: HttpRun): string =>
  `  http c=${String(run.connections).padEnd(3)} ${name.padEnd(12)} p50 ${run.latencyMs.p50.toFixed(2).padStart(8)} ms` +
  `  p95 ${run.latencyMs.p95.toFixed(2).padStart(8)}  p99 ${run.latencyMs.p99.toFixed(2).padStart(8)}` +
  `  ${String(run.requestsPerSecond).padStart(8)} req/s  errors ${run.errors}`;

interface Settings {
  readonly seed: number;
  readonly duration: number;
  readonly connections: number;
  readonly inProcessSeconds: number;
  readonly keep: boolean;
  /** Also measure the server with its default settings (answer cache on). */
  readonly cacheVariant: boolean;
  /** The import's page cache; default 1 GiB (as `tradegraph import`), 8 GiB at L. */
  readonly importPoolGiB: number | undefined;
}

const SERVER_ENV: Record<ServerRun['variant'], Record<string, string>> = {
  noCache: { TRADEGRAPH_READ_CACHE_ENTRIES: '0' },
  default: {},
};

/**
 * Serves the store and drives each operation, and the stack floor: a check that each answers
 * without errors, then warm-up, one connection, and `connections` connections.
 */
async function measureServer(
  database: string,
  list: readonly Operation[],
  settings: Settings,
  variant: ServerRun['variant'],
): Promise<{ server: ServerRun; operations: Map<string, HttpPair>; bytes: Map<string, number> }> {
  const env = SERVER_ENV[variant];
  log(`  server (${variant === 'noCache' ? 'answer cache off' : 'default settings'})`);
  const server = await startServer(database, env);
  const rssAtStart = rssOf(server.pid).rssMiB;
  const operations = new Map<string, HttpPair>();
  const bytes = new Map<string, number>();
  let stackFloor: HttpPair;
  try {
    // Every operation must answer, without errors, before anything is measured.
    for (const operation of list) bytes.set(operation.name, await checkOnce(server.url, operation));
    await checkOnce(server.url, { query: STACK_FLOOR.query });
    const measure = async (name: string, request: GraphQLRequest): Promise<HttpPair> => {
      await drive(server.url, request, settings.connections, WARM_UP_SECONDS, false);
      const http1 = await drive(server.url, request, 1, settings.duration);
      log(line(name, http1));
      const httpN = await drive(server.url, request, settings.connections, settings.duration);
      log(line(name, httpN));
      return { http1, httpN };
    };
    stackFloor = await measure(STACK_FLOOR.name, { query: STACK_FLOOR.query });
    for (const operation of list) operations.set(operation.name, await measure(operation.name, operation));
  } catch (error) {
    await server.stop();
    throw error;
  }
  const { rssMiB: rssAfter, peakMiB } = rssOf(server.pid);
  const exitCode = await server.stop();
  log(`  server RSS ${rssAtStart} → ${rssAfter} MiB, peak ${peakMiB} MiB, exit ${exitCode}`);
  return {
    server: {
      variant,
      env,
      rssAtStartMiB: rssAtStart,
      rssAfterMiB: rssAfter,
      peakRssMiB: peakMiB,
      exitCode,
      stackFloor,
    },
    operations,
    bytes,
  };
}

async function runScale(scale: BenchScale, settings: Settings): Promise<ScaleResult> {
  const date = new Date().toISOString();
  const dataset = await datasetFor(scale, settings.seed, log);
  const list = operations(dataset.probes);
  const work = mkdtempSync(path.join(os.tmpdir(), `tradegraph-suite-${scale}-`));
  const database = path.join(work, 'db');
  try {
    log(`scale ${scale}: importing ${dataset.statistics.toLocaleString('en')} statistics into a fresh store`);
    const poolGiB = settings.importPoolGiB ?? (scale === 'L' ? 8 : 1);
    const imported = await importInChild(database, poolGiB, dataset.files);
    const rowsPerSecond = Math.round(imported.records / Math.max(imported.importSeconds, 1e-9));
    log(
      `  import: ${imported.records.toLocaleString('en')} records in ${imported.importSeconds.toFixed(2)} s ` +
        `(${rowsPerSecond.toLocaleString('en')} rows/s; curated dataset first: ${imported.curatedSeconds.toFixed(2)} s), ` +
        `peak RSS ${imported.peakRssMiB} MiB; check ${imported.checkSeconds.toFixed(1)} s, write ${imported.writeSeconds.toFixed(1)} s, commit ${imported.commitSeconds.toFixed(1)} s`,
    );

    const noCache = await measureServer(database, list, settings, 'noCache');
    const byDefault = settings.cacheVariant ? await measureServer(database, list, settings, 'default') : null;

    const inProcess = await measureInProcess(database, list, settings.inProcessSeconds, log);
    const results: OperationResult[] = list.map((operation) => {
      const runs = noCache.operations.get(operation.name);
      if (!runs) throw new Error(`no HTTP result for ${operation.name}`);
      return {
        name: operation.name,
        description: operation.description,
        query: operation.query,
        variables: operation.variables,
        indexBacked: operation.indexBacked,
        nestingDepth: nestingDepth(operation.query),
        responseBytes: noCache.bytes.get(operation.name) ?? 0,
        http: runs,
        httpDefault: byDefault?.operations.get(operation.name) ?? null,
        inProcess: inProcess.find((r) => r.name === operation.name) ?? null,
      };
    });
    return {
      date,
      scale,
      seed: settings.seed,
      ...treeState(),
      machine: machine(),
      settings: {
        durationSeconds: settings.duration,
        connections: settings.connections,
        inProcessSeconds: settings.inProcessSeconds,
      },
      dataset: {
        statistics: dataset.statistics,
        bytes: dataset.bytes,
        generateSeconds: dataset.generateSeconds,
        cached: dataset.cached,
        generatorHash: dataset.generatorHash,
        probes: dataset.probes,
      },
      import: { ...imported, rowsPerSecond, pageCacheGiB: poolGiB },
      servers: [noCache.server, ...(byDefault ? [byDefault.server] : [])],
      operations: results,
    };
  } finally {
    if (settings.keep) log(`  kept the store at ${database}`);
    else rmSync(work, { recursive: true, force: true });
  }
}

const positive = (value: string): number => {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('give a positive number');
  return n;
};

async function main(): Promise<void> {
  const program = new Command()
    .name('bench')
    .option('--scale <scales>', 'comma-separated scales: S, M, L (or curated)', 'S')
    .option('--seed <n>', 'generator seed', positive, 1)
    .option('--duration <s>', 'seconds of each HTTP run', positive, 10)
    .option('--connections <n>', 'connections of the throughput run', positive, 10)
    .option(
      '--in-process-seconds <s>',
      'seconds of each in-process run (default: half of --duration)',
      positive,
    )
    .option(
      '--import-pool-gib <GiB>',
      'page cache of the import (default: 1, as tradegraph import; 8 at L)',
      positive,
    )
    .option('--no-cached', 'skip the second server run with the default settings (answer cache on)')
    .option('--keep', 'keep each scale’s store (its directory is printed)', false)
    .option('--no-report', 'leave bench/README.md and the chart as they are')
    .parse();
  const o = program.opts<{
    scale: string;
    seed: number;
    duration: number;
    connections: number;
    inProcessSeconds?: number;
    keep: boolean;
    cached: boolean;
    importPoolGib?: number;
    report: boolean;
  }>();
  const scales = o.scale.split(',').map((s) => s.trim());
  for (const scale of scales) {
    if (!['S', 'M', 'L', 'curated'].includes(scale)) throw new Error(`unknown scale "${scale}"`);
  }
  const settings: Settings = {
    seed: o.seed,
    duration: o.duration,
    connections: Math.round(o.connections),
    inProcessSeconds: o.inProcessSeconds ?? o.duration / 2,
    keep: o.keep,
    cacheVariant: o.cached,
    importPoolGiB: o.importPoolGib,
  };
  mkdirSync(RESULTS, { recursive: true });
  for (const scale of scales as BenchScale[]) {
    const result = await runScale(scale, settings);
    const file = path.join(RESULTS, `${result.date.slice(0, 10)}-${scale}.json`);
    writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
    log(`results written to ${path.relative(projectRoot(), file)}`);
  }
  if (o.report) {
    for (const written of await updateReport(RESULTS))
      log(`updated ${path.relative(projectRoot(), written)}`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
