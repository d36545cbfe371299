import cluster from 'node:cluster';
import type { Config } from '../config.js';
import {
  WORKER_NUMBER_VARIABLE,
  isStopMessage,
  readOnlyReason,
  type ReadyMessage,
} from './cluster-messages.js';
import { startServer, type RunningServer, type WorkerRole } from './server.js';
import { drainOnSignals, type StopOutput } from './stop-signals.js';

/**
 * One worker of `tradegraph serve --workers N` (see cluster.ts): an ordinary server on the shared
 * port, read-only on the embedded engine (the primary holds the database read-write), that tells
 * the primary when it listens and drains when the primary or a signal asks it to. Should the
 * primary be killed, Node ends its workers at once.
 */
export async function runWorker(config: Config, output: StopOutput): Promise<void> {
  const number = Number(process.env[WORKER_NUMBER_VARIABLE]);
  if (!Number.isInteger(number) || number < 1 || typeof process.send !== 'function') {
    throw new Error(
      `a worker of tradegraph serve --workers is started by its primary (${WORKER_NUMBER_VARIABLE} is not set)`,
    );
  }
  const role: WorkerRole = {
    number,
    // One worker loads an empty Neo4j; several at once would each write the whole dataset.
    loadsDataset: number === 1,
    ...(config.store.engine === 'embedded' ? { readOnly: readOnlyReason(config.workers) } : {}),
  };
  let server: RunningServer;
  try {
    server = await startServer({ config, worker: role });
  } catch (error) {
    // The channel to the primary would keep this process alive: close it (as a worker leaving,
    // which Node does not end with code 0), so the error ends it.
    cluster.worker?.disconnect();
    throw error;
  }
  const stop = drainOnSignals(() => server.close(), output);
  process.on('message', (message) => {
    if (isStopMessage(message)) stop(`worker ${number}`);
  });
  const ready: ReadyMessage = { type: 'tradegraph:ready', url: server.url, engine: server.store.engine };
  process.send(ready);
}
