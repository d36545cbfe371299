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
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { projectRoot } from '../src/paths';
import { datasetFor, type BenchScale } from './suite/dataset';
import { checkOnce, drive, rssOf, startServer, type GraphQLRequest, type HttpRun } from './suite/http';
import type { ImportMeasurement } from './suite/import-child';
import { measureInProcess, type InProcessResult } from './suite/in-process';
import { checkRollback } from './suite/rollback-check';
import {
  compareAnswers,
  countStatements,
  membersOf,
  NOT_EXPRESSIBLE,
  sharedOperations,
} from './suite/anchor';
import {
  countNeo4j,
  emptyNeo4j,
  importFloor,
  neo4jTarget,
  statisticsFileOf,
  type Neo4jTarget,
} from './suite/neo4j';
import { openBenchNeo4j, openBenchStore } from './suite/store';
import { nestingDepth, operations, STACK_FLOOR, type Operation } from './suite/operations';
import { updateReport } from './suite/report';
import { updateNeo4jReport } from './suite/report-neo4j';
import type {
  AnchorRun,
  HttpPair,
  Machine,
  Neo4jScaleResult,
  OperationResult,
  ScaleResult,
  ServerRun,
} from './suite/results';

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
  /** A folder of stores kept between runs, one per scale, seed and generator (`--stores`). */
  readonly stores: string | undefined;
  /** Also measure the server with its default settings (answer cache on). */
  readonly cacheVariant: boolean;
  /** The import's page cache; default 1 GiB (as `tradegraph import`), 8 GiB at L. */
  readonly importPoolGiB: number | undefined;
  /** On Neo4j: also kill an import mid-way and check that its rollback restores the graph (scale S). */
  readonly rollbackCheck: boolean;
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
  neo4jUri?: string,
): Promise<{ server: ServerRun; operations: Map<string, HttpPair>; bytes: Map<string, number> }> {
  const env = SERVER_ENV[variant];
  log(`  server (${variant === 'noCache' ? 'answer cache off' : 'default settings'})`);
  const server = await startServer(database, neo4jUri ? { ...env, NEO4J_URI: neo4jUri } : env);
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
  const kept = settings.stores
    ? path.join(settings.stores, `${scale}-${settings.seed}-${dataset.generatorHash}`)
    : undefined;
  const work = kept ?? mkdtempSync(path.join(os.tmpdir(), `tradegraph-suite-${scale}-`));
  const database = path.join(work, 'db');
  try {
    const poolGiB = settings.importPoolGiB ?? (scale === 'L' ? 8 : 1);
    const imported = await importOrReuse(scale, dataset.statistics, work, poolGiB, dataset.files);
    const rowsPerSecond = Math.round(imported.records / Math.max(imported.importSeconds, 1e-9));
    log(
      `  import${imported.reused ? ` (reused: imported ${imported.reused.importedAt})` : ''}: ` +
        `${imported.records.toLocaleString('en')} records in ${imported.importSeconds.toFixed(2)} s ` +
        `(${rowsPerSecond.toLocaleString('en')} rows/s; curated dataset first: ${imported.curatedSeconds.toFixed(2)} s), ` +
        `peak RSS ${imported.peakRssMiB} MiB; check ${imported.checkSeconds.toFixed(1)} s, write ${imported.writeSeconds.toFixed(1)} s, commit ${imported.commitSeconds.toFixed(1)} s`,
    );

    const noCache = await measureServer(database, list, settings, 'noCache');
    const byDefault = settings.cacheVariant ? await measureServer(database, list, settings, 'default') : null;

    const inProcess = await measureInProcess(
      () => openBenchStore(database),
      list,
      settings.inProcessSeconds,
      log,
    );
    const results = operationResults(list, noCache, byDefault, inProcess);
    return {
      engine: 'embedded',
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
    if (settings.keep || kept) log(`  kept the store at ${database}`);
    else rmSync(work, { recursive: true, force: true });
  }
}

type ImportRecord = ImportMeasurement & {
  readonly reused?: { readonly importedAt: string; readonly loadAverage: readonly number[] };
};

/**
 * Imports the scale's files into `<work>/db`, or, when an earlier run with `--stores` left that
 * store and its measurement (`import.json`), reuses both: the reads are measured on the same
 * records without paying the import again (ten minutes at L), and the result says so.
 */
async function importOrReuse(
  scale: BenchScale,
  statistics: number,
  work: string,
  poolGiB: number,
  files: readonly string[],
): Promise<ImportRecord> {
  const measurementFile = path.join(work, 'import.json');
  const database = path.join(work, 'db');
  if (existsSync(measurementFile) && existsSync(database)) {
    const saved = JSON.parse(readFileSync(measurementFile, 'utf8')) as ImportMeasurement & {
      importedAt: string;
      loadAverage: number[];
    };
    const { importedAt, loadAverage, ...measurement } = saved;
    log(`scale ${scale}: reusing the store imported at ${importedAt} (${database})`);
    return { ...measurement, reused: { importedAt, loadAverage } };
  }
  rmSync(database, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  log(`scale ${scale}: importing ${statistics.toLocaleString('en')} statistics into a fresh store`);
  const loadAverage = os.loadavg().map((value) => Math.round(value * 100) / 100);
  const imported = await importInChild(database, poolGiB, files);
  writeFileSync(
    measurementFile,
    `${JSON.stringify({ ...imported, importedAt: new Date().toISOString(), loadAverage }, null, 2)}\n`,
  );
  return imported;
}

type Measured = Awaited<ReturnType<typeof measureServer>>;

function operationResults(
  list: readonly Operation[],
  noCache: Measured,
  byDefault: Measured | null,
  inProcess: readonly InProcessResult[],
): OperationResult[] {
  return list.map((operation) => {
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
}

/**
 * Both servers over the same Neo4j, up at once: `tradegraph serve` and @neo4j/graphql's. Their
 * answers to each shared operation are compared first (a difference stops the run), then each
 * operation is driven on one server and then the other, and the statements per request counted.
 */
async function measureAnchor(
  uri: string,
  dataset: Awaited<ReturnType<typeof datasetFor>>,
  settings: Settings,
): Promise<Neo4jScaleResult['anchor']> {
  log('  tradegraph against @neo4j/graphql on the same Neo4j');
  const ours = await startServer('', { NEO4J_URI: uri, TRADEGRAPH_READ_CACHE_ENTRIES: '0' });
  let theirs: Awaited<ReturnType<typeof startServer>> | undefined;
  try {
    theirs = await startServer('', { NEO4J_URI: uri }, [path.join('bench', 'neo4j-graphql', 'server.ts')]);
    const shared = sharedOperations(dataset.probes, await membersOf(ours.url, dataset.probes.association));
    const checks = await compareAnswers(ours.url, theirs.url, shared);
    for (const check of checks)
      log(`    answers of ${check.name}: ${check.same ? 'the same' : 'DIFFER'} (${check.items} items)`);
    const differ = checks.filter((check) => !check.same);
    if (differ.length > 0) {
      throw new Error(`the two servers answer differently: ${JSON.stringify(differ).slice(0, 4000)}`);
    }
    const pair = async (url: string, name: string, request: GraphQLRequest): Promise<HttpPair> => {
      await drive(url, request, settings.connections, WARM_UP_SECONDS, false);
      const http1 = await drive(url, request, 1, settings.duration);
      log(line(name, http1));
      const httpN = await drive(url, request, settings.connections, settings.duration);
      log(line(name, httpN));
      return { http1, httpN };
    };
    const stackFloor = await pair(theirs.url, 'stack (n4j-gql)', { query: '{ __typename }' });
    const runs: AnchorRun[] = [];
    for (const operation of shared) {
      runs.push({
        name: operation.name,
        description: operation.description,
        tradegraph: await pair(ours.url, operation.name.slice(0, 12), operation.tradegraph),
        neo4jGraphQL: await pair(theirs.url, `${operation.name.slice(0, 6)} n4jgql`, operation.neo4jGraphQL),
      });
    }
    await ours.stop();
    await theirs.stop();
    const statements = await countStatements(uri, shared);
    for (const count of statements) {
      log(
        `    statements per request, ${count.name}: tradegraph ${count.tradegraph}, @neo4j/graphql ${count.neo4jGraphQL}`,
      );
    }
    return {
      package: `@neo4j/graphql ${packageVersion('@neo4j/graphql')}`,
      checks,
      statements,
      runs,
      stackFloor,
      notExpressible: NOT_EXPRESSIBLE,
    };
  } finally {
    await ours.stop();
    await theirs?.stop();
  }
}

function packageVersion(name: string): string {
  const file = path.join(projectRoot(), 'node_modules', name, 'package.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}

/**
 * A scale on Neo4j: the import floor (entities first, untimed; then the statistics as plain
 * `UNWIND … CREATE` batches), the database emptied, tradegraph's import of the same files, the
 * suite's operations over HTTP and in-process, the comparison with @neo4j/graphql, and (at S,
 * unless --no-rollback-check) a killed import rolled back.
 */
async function runScaleNeo4j(
  scale: BenchScale,
  settings: Settings,
  target: Neo4jTarget,
): Promise<Neo4jScaleResult> {
  const date = new Date().toISOString();
  const dataset = await datasetFor(scale, settings.seed, log);
  const list = operations(dataset.probes);
  const uri = target.uri;
  const work = mkdtempSync(path.join(os.tmpdir(), `tradegraph-suite-${scale}-neo4j-`));
  try {
    const statisticsFile = statisticsFileOf(dataset.files);
    let floor = null;
    if (statisticsFile) {
      log(`scale ${scale} on Neo4j: import floor (the entities first, untimed)`);
      await emptyNeo4j(uri);
      await importInChild(
        uri,
        0,
        dataset.files.filter((file) => file !== statisticsFile),
      );
      floor = await importFloor(uri, statisticsFile);
      log(
        `  floor: ${floor.rows.toLocaleString('en')} statistics in ${floor.seconds.toFixed(2)} s ` +
          `(${floor.rowsPerSecond.toLocaleString('en')} rows/s, ${floor.batchRows} rows and ${floor.statementsPerBatch} statements a transaction)`,
      );
    }
    await emptyNeo4j(uri);
    log(
      `scale ${scale} on Neo4j: importing ${dataset.statistics.toLocaleString('en')} statistics into an empty database`,
    );
    const imported = await importInChild(uri, 0, dataset.files);
    const rowsPerSecond = Math.round(imported.records / Math.max(imported.importSeconds, 1e-9));
    log(
      `  import: ${imported.records.toLocaleString('en')} records in ${imported.importSeconds.toFixed(2)} s ` +
        `(${rowsPerSecond.toLocaleString('en')} rows/s${floor ? `, ${(rowsPerSecond / floor.rowsPerSecond).toFixed(2)}× the floor` : ''}; ` +
        `curated dataset first: ${imported.curatedSeconds.toFixed(2)} s), check ${imported.checkSeconds.toFixed(1)} s, write ${imported.writeSeconds.toFixed(1)} s`,
    );
    const rollback =
      settings.rollbackCheck && scale !== 'M' && scale !== 'L' && statisticsFile
        ? await checkRollback(uri, statisticsFile, work)
        : null;
    if (rollback) {
      log(
        `  killed import ${rollback.importId} after ${rollback.writtenBeforeKill} statistics, rolled back: ` +
          `graph ${rollback.same ? 'as before' : 'CHANGED'}`,
      );
      if (!rollback.same) throw new Error('a killed import, rolled back, left the graph changed');
    }
    const counted = await countNeo4j(uri);
    const noCache = await measureServer('', list, settings, 'noCache', uri);
    const anchor = await measureAnchor(uri, dataset, settings);
    const inProcess = await measureInProcess(() => openBenchNeo4j(uri), list, settings.inProcessSeconds, log);
    return {
      engine: 'neo4j',
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
      import: { ...imported, rowsPerSecond, pageCacheGiB: 0 },
      servers: [noCache.server],
      operations: operationResults(list, noCache, null, inProcess),
      neo4j: { settings: target.settings, ...counted },
      importFloor: floor,
      anchor,
      rollbackCheck: rollback,
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
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
    .option(
      '--stores <dir>',
      'keep each scale’s store in <dir> and reuse it (and its import measurement) in later runs',
    )
    .option('--no-report', 'leave bench/README.md and the chart as they are')
    .option(
      '--engine <engines>',
      'comma-separated: embedded, neo4j (a Neo4j of its own unless NEO4J_URI is set; emptied between scales)',
      'embedded',
    )
    .option('--no-rollback-check', 'on Neo4j at S: skip killing an import and checking its rollback')
    .parse();
  const o = program.opts<{
    scale: string;
    seed: number;
    duration: number;
    connections: number;
    inProcessSeconds?: number;
    keep: boolean;
    stores?: string;
    cached: boolean;
    importPoolGib?: number;
    report: boolean;
    engine: string;
    rollbackCheck: boolean;
  }>();
  const engines = o.engine.split(',').map((e) => e.trim());
  for (const engine of engines) {
    if (!['embedded', 'neo4j'].includes(engine)) throw new Error(`unknown engine "${engine}"`);
  }
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
    stores: o.stores === undefined ? undefined : path.resolve(o.stores),
    cacheVariant: o.cached,
    importPoolGiB: o.importPoolGib,
    rollbackCheck: o.rollbackCheck,
  };
  mkdirSync(RESULTS, { recursive: true });
  const write = (result: ScaleResult, suffix: string): void => {
    const file = path.join(RESULTS, `${result.date.slice(0, 10)}-${result.scale}${suffix}.json`);
    writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
    log(`results written to ${path.relative(projectRoot(), file)}`);
  };
  if (engines.includes('embedded')) {
    for (const scale of scales as BenchScale[]) write(await runScale(scale, settings), '');
  }
  if (engines.includes('neo4j')) {
    const target = await neo4jTarget(log);
    try {
      for (const scale of scales as BenchScale[])
        write(await runScaleNeo4j(scale, settings, target), '-neo4j');
    } finally {
      await target.stop();
    }
  }
  if (o.report) {
    const written = [
      ...(engines.includes('embedded') ? await updateReport(RESULTS) : []),
      ...(engines.includes('neo4j') ? await updateNeo4jReport(RESULTS) : []),
    ];
    for (const file of new Set(written)) log(`updated ${path.relative(projectRoot(), file)}`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
