import os from 'node:os';
import { readConfig } from '../config.js';
import { ImportError } from '../records/errors.js';
import type { GraphStore } from '../store/graph-store.js';
import { ensureDataset } from '../import/ensure-dataset.js';
import { openStore } from '../store/open-store.js';

/** What the bulk commands (`import`, `export`) share: a store opened for bulk work, and their errors. */

/**
 * Opens the configured store for bulk work: like every command, a store that never held the
 * curated dataset gets it first; statements run without the query timeout, since a bulk load and
 * its commit can take longer than any query.
 */
export async function withBulkStore<T>(work: (store: GraphStore) => Promise<T>): Promise<T> {
  const config = readConfig();
  const store = await openStore(
    config.store.engine === 'embedded'
      ? {
          ...config.store,
          queryTimeoutMs: 0,
          writeTimeoutMs: 0,
          bufferPoolBytes: config.store.bufferPoolBytes ?? bulkBufferPoolBytes(),
        }
      : { ...config.store, queryTimeoutMs: 0, writeTimeoutMs: 0 },
  );
  try {
    await ensureDataset(store, config.dataDirectory);
    return await work(store);
  } finally {
    await store.close();
  }
}

/**
 * The page cache a bulk command gives the embedded engine unless TRADEGRAPH_BUFFER_POOL_MB says:
 * a quarter of the machine's memory, between 1 and 16 GiB. The engine's bulk load of millions of
 * statistics needs more than the server's 1 GiB ("buffer pool is full" at 10M statistics).
 */
export function bulkBufferPoolBytes(totalBytes = os.totalmem()): number {
  const GiB = 1024 ** 3;
  return Math.min(16 * GiB, Math.max(GiB, Math.floor(totalBytes / 4 / GiB) * GiB));
}

/** Reports an ImportError as a plain message (exit code 1); anything else goes up to main. */
export function guarded<A extends unknown[]>(
  action: (...args: A) => Promise<void>,
): (...args: A) => Promise<void> {
  return async (...args: A) => {
    try {
      await action(...args);
    } catch (error) {
      if (!(error instanceof ImportError)) throw error;
      process.stderr.write(`${error.message}\n`);
      process.exitCode = 1;
    }
  };
}
