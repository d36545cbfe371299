import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadDataset } from '../../src/import/dataset';
import { writeDataset } from '../../src/import/write-dataset';
import { EmbeddedStore } from '../../src/store/embedded/embedded-store';

export const FIXTURE_DATASET = path.join(__dirname, '..', 'fixtures', 'dataset');

/** A fresh embedded store in its own temporary directory; `dispose` closes and deletes it. */
export async function openTemporaryStore(): Promise<{ store: EmbeddedStore; dispose: () => Promise<void> }> {
  const directory = mkdtempSync(path.join(os.tmpdir(), 'tradegraph-test-'));
  const store = await EmbeddedStore.open({ directory: path.join(directory, 'db') });
  return {
    store,
    dispose: async () => {
      await store.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

/** A fresh embedded store loaded with the given dataset directory (the test fixture by default). */
export async function openLoadedStore(
  dataDirectory = FIXTURE_DATASET,
): Promise<{ store: EmbeddedStore; dispose: () => Promise<void> }> {
  const opened = await openTemporaryStore();
  await writeDataset(opened.store, loadDataset(dataDirectory));
  return opened;
}
