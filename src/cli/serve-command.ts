import cluster from 'node:cluster';
import { InvalidArgumentError, type Command } from 'commander';
import { parseWorkers, readConfig, type Config } from '../config.js';
import { ClusterStartError, startCluster, type RunningCluster } from '../server/cluster.js';
import { runWorker } from '../server/cluster-worker.js';
import { startServer } from '../server/server.js';
import { drainOnSignals, type StopOutput } from '../server/stop-signals.js';
import { writeServerMarker } from './server-marker.js';

const output: StopOutput = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

/** `tradegraph serve [--workers <n>]`: one server process, or a primary and its workers (src/server/cluster.ts). */
export function serveCommand(program: Command): void {
  program
    .command('serve')
    .description('serve the GraphQL API and playground (PORT, HOST, NEO4J_URI … from the environment)')
    .option(
      '--workers <n>',
      'server processes sharing the port (TRADEGRAPH_WORKERS, default 1); with the embedded engine they read only',
      (value: string) => {
        try {
          return parseWorkers(value);
        } catch (error) {
          throw new InvalidArgumentError(error instanceof Error ? error.message : String(error));
        }
      },
    )
    .action(async (options: { workers?: number }) => {
      const read = readConfig();
      const config: Config = options.workers === undefined ? read : { ...read, workers: options.workers };
      if (cluster.isWorker) await runWorker(config, output);
      else if (config.workers === 1) await serveOne(config);
      else await serveWorkers(config);
    });
}

/** The line every start prints: where the playground and the API are (tests and scripts read it). */
function listening(url: string, engine: string, more = ''): string {
  return `tradegraph: playground ${url}/  ·  API ${url}/graphql  ·  store: ${engine}${more}`;
}

async function serveOne(config: Config): Promise<void> {
  const server = await startServer({ config });
  // Beside an embedded database, a note saying this server holds it (see server-marker.ts).
  const removeMarker =
    config.store.engine === 'embedded'
      ? writeServerMarker(config.store.directory, server.url)
      : () => undefined;
  process.on('exit', removeMarker);
  output.out(listening(server.url, server.store.engine));
  drainOnSignals(() => server.close(), output);
}

async function serveWorkers(config: Config): Promise<void> {
  let running: RunningCluster;
  try {
    running = await startCluster({ config, say: output.out, warn: output.err });
  } catch (error) {
    if (!(error instanceof ClusterStartError)) throw error;
    // The worker's own error is printed above; this says what became of the start.
    output.err(error.message);
    process.exit(1);
  }
  const readOnly = config.store.engine === 'embedded';
  const removeMarker =
    config.store.engine === 'embedded'
      ? writeServerMarker(config.store.directory, running.url, config.workers)
      : () => undefined;
  process.on('exit', removeMarker);
  output.out(
    listening(
      running.url,
      running.engine,
      `  ·  ${config.workers} ${readOnly ? 'read-only ' : ''}workers (pids ${running.pids().join(', ')})`,
    ),
  );
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (stopping) {
      output.err(`${signal} again: killing the workers`);
      running.kill();
      process.exit(1);
    }
    stopping = true;
    output.out(`${signal}: draining ${config.workers} workers`);
    void running.stop().then((code) => {
      output.out(code === 0 ? 'stopped' : 'stopped (a worker did not exit cleanly)');
      process.exit(code);
    });
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  void running.ended.then((code) => process.exit(code));
}
