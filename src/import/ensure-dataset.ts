import createDebug from 'debug';
import type { GraphStore } from '../store/graph-store.js';
import { datasetFingerprint, loadDataset } from './dataset.js';
import { storedFingerprint, writeDataset } from './write-dataset.js';

const log = createDebug('tradegraph:import:dataset');

export type DatasetState = 'loaded' | 'already-loaded' | 'differs';

/**
 * Loads the dataset into a store that has never held one. A store loaded before is left as it is
 * (reported as `differs` when the dataset changed since, so the caller can say how to reload).
 */
export async function ensureDataset(store: GraphStore, dataDirectory?: string): Promise<DatasetState> {
  // The files' hash first: reading and checking every record costs seconds, and is needed only to load.
  const stored = await storedFingerprint(store);
  if (stored === datasetFingerprint(dataDirectory)) return 'already-loaded';
  if (stored !== null) return 'differs';
  const dataset = loadDataset(dataDirectory);
  const summary = await writeDataset(store, dataset);
  log('loaded %d nodes and %d relationships', summary.nodes, summary.relationships);
  return 'loaded';
}
