import type { Config } from '../config.js';
import {
  WORKER_NUMBER_VARIABLE,
  isStopMessage,
  readOnlyReason,
  type ReadyMessage,
} from './cluster-messages.js';
import { startServer } from './server.js';
import { drainOnSignals, type StopOutput } from './stop-signals.js';

/**
 * One worker of `tradegraph serve --workers N` (see cluster.ts): an ordinary server on the shared
 * port, read-only on the embedded engine (the primary holds the database read-write), that tells
 * the primary when it listens and drains when the primary, a signal, or the primary's
 * disappearance asks it to.
 */
export async function runWorker(config: Config, output: StopOutput): Promise<void> {
  const number = Number(process.env[WORKER_NUMBER_VARIABLE]);
  if (!Number.isInteger(number) || number < 1 || typeof process.send !== 'function') {
    throw new Error(
      `a worker of tradegraph serve --workers is started by its primary (${WORKER_NUMBER_VARIABLE} is not set)`,
    );
  }
  const server = await startServer({
    config,
    worker: {
      number,
      // One worker loads an empty Neo4j; several at once would each write the whole dataset.
      loadsDataset: number === 1,
      ...(config.store.engine === 'embedded' ? { readOnly: readOnlyReason(config.workers) } : {}),
    },
  });
  const stop = drainOnSignals(() => server.close(), output);
  process.on('message', (message) => {
    if (isStopMessage(message)) stop(`worker ${number}`);
  });
  // The primary gone (killed): nobody would stop this worker any more.
  process.on('disconnect', () => stop(`worker ${number}: the primary is gone`));
  const ready: ReadyMessage = { type: 'tradegraph:ready', url: server.url, engine: server.store.engine };
  process.send(ready);
}
