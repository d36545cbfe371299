import { readConfig } from '../config.js';
import type { GraphStore } from '../store/graph-store.js';
import { ensureDataset } from '../import/ensure-dataset.js';
import { openStore } from '../store/open-store.js';

/** Opens the configured store, makes sure it holds the dataset, runs `work`, and always closes it. */
export async function withStore<T>(work: (store: GraphStore) => Promise<T>): Promise<T> {
  const config = readConfig();
  const store = await openStore(config.store);
  try {
    await ensureDataset(store, config.dataDirectory);
    return await work(store);
  } finally {
    await store.close();
  }
}
