import cluster, { type Worker } from 'node:cluster';
import createDebug from 'debug';
import type { Config } from '../config.js';
import type { Dialect } from '../store/cypher-catalog.js';
import { WORKER_NUMBER_VARIABLE, isReadyMessage, type StopMessage } from './cluster-messages.js';
import { RestartBudget } from './restart-budget.js';
import { openPreparedStore } from './server.js';

const log = createDebug('tradegraph:server:cluster');

/** Workers that died replaced at most this many times a minute; past that the server stops. */
export const MAX_RESTARTS = 5;
export const RESTART_WINDOW_MS = 60_000;

/** How long past the grace period the primary waits for a draining worker before killing it. */
const EXIT_SLACK_MS = 5_000;

/** The workers did not all start; the message says which did not and how it ended. */
export class ClusterStartError extends Error {}

export interface ClusterOptions {
  readonly config: Config;
  /** A line for the operator (stdout). */
  readonly say: (line: string) => void;
  /** A line about something that went wrong (stderr). */
  readonly warn: (line: string) => void;
}

export interface RunningCluster {
  /** The shared URL every worker listens on. */
  readonly url: string;
  readonly engine: Dialect;
  /** The workers' process ids, by worker number. */
  pids(): number[];
  /** Drains every worker (each its own graceful shutdown); resolves 0 when all exited 0, else 1. */
  stop(): Promise<number>;
  /** Kills every worker at once (a second signal). */
  kill(): void;
  /** Resolves with the exit code if the server stops by itself: workers dying past the restart budget. */
  readonly ended: Promise<number>;
}

/**
 * `tradegraph serve --workers N`: N server processes on one port (`node:cluster` hands each new
 * connection to the next worker), so GraphQL's parsing, validation and response building, which
 * run on one thread per process, use every core.
 *
 * The embedded engine lets several processes open a database read-only, never while one writes.
 * This primary therefore opens it read-write first and does everything that writes (the schema
 * statements and migrations, statistic keys, loading the dataset into an empty store), then keeps
 * it open, idle: the engine locks a database only for writers (0.19.1), so holding it is what stops
 * a `tradegraph import` from writing under the readers. Each worker opens it read-only and refuses
 * imports and mutations (READ_ONLY). With Neo4j, a server of its own, the primary opens nothing and
 * each worker is an ordinary server (worker 1 loads an empty database).
 *
 * A worker that dies is replaced (at most MAX_RESTARTS in RESTART_WINDOW_MS, then the server
 * stops with exit code 1); one that dies before every worker is ready fails the start.
 */
export async function startCluster(options: ClusterOptions): Promise<RunningCluster> {
  const { config, say, warn } = options;
  // The primary does every write a server does at its start, then holds the database read-write,
  // idle, so that no other process can write under the read-only workers.
  const writer = config.store.engine === 'embedded' ? await openPreparedStore(config) : null;
  const workers = new Map<number, Worker>();
  /** Workers that listen, and so drain when asked; one still starting is simply ended. */
  const listening = new Set<Worker>();
  const exitCodes: number[] = [];
  const budget = new RestartBudget(MAX_RESTARTS, RESTART_WINDOW_MS);
  let stopping: Promise<number> | undefined;
  let started = false;
  let endWith!: (code: number) => void;
  const ended = new Promise<number>((resolve) => (endWith = resolve));
  let readyCount = 0;
  let url = '';
  let engine: Dialect = config.store.engine;
  let startFailed!: (error: Error) => void;
  let allReady!: () => void;
  const ready = new Promise<void>((resolve, reject) => {
    allReady = resolve;
    startFailed = reject;
  });

  const fork = (number: number): void => {
    const worker = cluster.fork({ [WORKER_NUMBER_VARIABLE]: String(number) });
    workers.set(number, worker);
    worker.on('message', (message: unknown) => {
      if (!isReadyMessage(message)) return;
      listening.add(worker);
      url = message.url;
      engine = message.engine;
      if (started) say(`worker ${number} (pid ${worker.process.pid}) is serving again`);
      else if (++readyCount === config.workers) allReady();
    });
    worker.on('exit', (code, signal) => {
      if (workers.get(number) === worker) workers.delete(number);
      listening.delete(worker);
      const how = signal ? `was killed (${signal})` : `exited with code ${code}`;
      if (stopping) {
        exitCodes.push(signal ? 1 : (code ?? 1));
        if (workers.size === 0) whenAllExited();
        return;
      }
      if (!started) {
        startFailed(
          new ClusterStartError(
            `worker ${number} ${how} while starting (its error is above); the server did not start`,
          ),
        );
        return;
      }
      if (!budget.take(Date.now())) {
        warn(
          `worker ${number} (pid ${worker.process.pid}) ${how}: workers died more than ${MAX_RESTARTS} times ` +
            `in ${RESTART_WINDOW_MS / 1000} s, so the server stops (their errors are above).`,
        );
        void stop().then(() => endWith(1));
        return;
      }
      warn(`worker ${number} (pid ${worker.process.pid}) ${how}; starting another`);
      fork(number);
    });
  };

  let whenAllExited: () => void = () => undefined;
  const stop = (): Promise<number> => {
    stopping ??= (async () => {
      const exited = new Promise<void>((resolve) => (whenAllExited = resolve));
      const message: StopMessage = { type: 'tradegraph:stop' };
      for (const worker of workers.values()) {
        if (listening.has(worker) && worker.isConnected()) worker.send(message);
        else worker.process.kill('SIGTERM');
      }
      const timer = setTimeout(() => {
        warn('workers still running past the grace period: killing them');
        kill();
      }, config.http.shutdownGraceMs + EXIT_SLACK_MS);
      if (workers.size > 0) await exited;
      clearTimeout(timer);
      await writer?.close();
      return exitCodes.every((code) => code === 0) ? 0 : 1;
    })();
    return stopping;
  };
  const kill = (): void => {
    for (const worker of workers.values()) worker.process.kill('SIGKILL');
  };

  for (let number = 1; number <= config.workers; number += 1) fork(number);
  try {
    await ready;
  } catch (error) {
    await stop();
    throw error;
  }
  started = true;
  log('%d workers listening on %s', config.workers, url);
  return {
    url,
    engine,
    pids: () => [...workers.entries()].sort(([a], [b]) => a - b).map(([, worker]) => worker.process.pid ?? 0),
    stop,
    kill,
    ended,
  };
}
