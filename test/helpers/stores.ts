import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadDataset } from '../../src/import/dataset';
import { writeDataset } from '../../src/import/write-dataset';
import { EmbeddedStore, type EmbeddedStoreOptions } from '../../src/store/embedded/embedded-store';

export const FIXTURE_DATASET = path.join(__dirname, '..', 'fixtures', 'dataset');

/**
 * The page cache of a test's embedded store. The test graphs are a few MB (scale S, the largest,
 * about 60 MB), so the application's default of 1 GiB only lets a worker's memory grow with each
 * store it opens. Not less: the engine's shortest-path search takes its working memory from the
 * page cache too, and fails on the fixture dataset with 128 MiB (192 MiB suffices). A test that
 * needs more passes `bufferPoolBytes` (the path search over generated data in read-timeout).
 */
export const TEST_BUFFER_POOL_BYTES = 256 * 1024 ** 2;

/** `EmbeddedStore.open` with the test page cache unless the options name another. */
export function openEmbeddedStore(options: EmbeddedStoreOptions): Promise<EmbeddedStore> {
  return EmbeddedStore.open({ bufferPoolBytes: TEST_BUFFER_POOL_BYTES, ...options });
}

/** A fresh embedded store in its own temporary directory; `dispose` closes and deletes it. */
export async function openTemporaryStore(): Promise<{ store: EmbeddedStore; dispose: () => Promise<void> }> {
  const directory = mkdtempSync(path.join(os.tmpdir(), 'tradegraph-test-'));
  const store = await openEmbeddedStore({ directory: path.join(directory, 'db') });
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
