import { createHash } from 'node:crypto';
import {
  constants,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { datasetFingerprint, loadDataset } from '../../src/import/dataset';
import { writeDataset } from '../../src/import/write-dataset';
import { EmbeddedStore, type EmbeddedStoreOptions } from '../../src/store/embedded/embedded-store';
import { engineFilesOf } from '../../src/store/embedded/files';
import type { GraphChecksum } from '../../src/export/graph-checksum';
import { storeState } from './store-digest';
import { removeTemplateDirectories, TEMPLATES_PREFIX } from './template-shelf';

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

/**
 * An embedded store in its own temporary directory, opened after `prepare` (given the database's
 * path) has put anything there; `dispose` closes and deletes it.
 */
async function openInTemporaryDirectory(
  prepare: (database: string) => void = () => undefined,
  options: Omit<EmbeddedStoreOptions, 'directory'> = {},
): Promise<{ store: EmbeddedStore; dispose: () => Promise<void> }> {
  const directory = mkdtempSync(path.join(os.tmpdir(), 'tradegraph-test-'));
  try {
    prepare(path.join(directory, 'db'));
    const store = await openEmbeddedStore({ ...options, directory: path.join(directory, 'db') });
    return {
      store,
      dispose: async () => {
        await store.close();
        rmSync(directory, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(directory, { recursive: true, force: true });
    throw error;
  }
}

/** A fresh embedded store in its own temporary directory; `dispose` closes and deletes it. */
export function openTemporaryStore(): Promise<{ store: EmbeddedStore; dispose: () => Promise<void> }> {
  return openInTemporaryDirectory();
}

/*
 * Loaded databases, made once per jest worker and copied for each test that asks for one.
 *
 * Loading the curated dataset into an empty embedded store takes seconds (about 5 s on a quiet
 * machine, the fixture about 2 s); copying the closed database file that such a load leaves takes
 * milliseconds. The embedded engine keeps a database in one file, with a write-ahead log and, while
 * it checkpoints, a shadow file beside it; every write of the store ends in a checkpoint, and
 * `close` removes the store's work directory, so a closed database is that one file (the builder
 * below checks it). A copy is a new file (`COPYFILE_FICLONE`: shared blocks on file systems that
 * can, written apart on the first change; a plain copy elsewhere): an independent store that the
 * test may change, holding exactly what the load wrote (test/store/loaded-stores.test.ts
 * holds a copy's graph, keys and bookkeeping equal to a fresh load's, and a copy's writes apart
 * from the other copies').
 *
 * Kept on disk, in a directory of the worker's process id: each test file has its own module
 * registry and its own `process` object, so the files of a worker share only the file system. A
 * template is there once its state file is (written after the database is closed). A directory
 * is deleted once its process is gone, by the global teardown or the next worker that starts
 * (never a live process's: another jest run on the machine may be using it).
 */

export interface LoadedTemplate {
  /** The closed database file to copy. */
  readonly file: string;
  /** `storeDigest` of the database as loaded (to check another engine's copy of it against). */
  readonly digest: string;
  /** Its `graphChecksum`. */
  readonly checksum: GraphChecksum;
}

/** This file's builds under way (several tests of a file may ask at once). */
const building = new Map<string, Promise<LoadedTemplate>>();

function shelfDirectory(): string {
  const directory = path.join(os.tmpdir(), `${TEMPLATES_PREFIX}${process.pid}`);
  if (!existsSync(directory)) {
    removeTemplateDirectories(false);
    mkdirSync(directory, { recursive: true });
  }
  return directory;
}

/** The database files that belong to `file` and exist. */
function presentFiles(file: string): string[] {
  return [file, ...engineFilesOf(file)].filter((each) => existsSync(each));
}

/**
 * The closed database that `fill` writes into an empty embedded store, made the first time this
 * worker asks for `key` (the key must name everything `fill` writes).
 */
export function loadedTemplate(
  key: string,
  fill: (store: EmbeddedStore) => Promise<void>,
): Promise<LoadedTemplate> {
  const directory = path.join(shelfDirectory(), createHash('sha256').update(key).digest('hex').slice(0, 24));
  const file = path.join(directory, 'db');
  const stateFile = path.join(directory, 'state.json');
  if (existsSync(stateFile)) {
    const state = JSON.parse(readFileSync(stateFile, 'utf8')) as Omit<LoadedTemplate, 'file'>;
    return Promise.resolve({ file, ...state });
  }
  let template = building.get(key);
  if (template === undefined) {
    template = (async () => {
      rmSync(directory, { recursive: true, force: true });
      mkdirSync(directory, { recursive: true });
      const store = await openEmbeddedStore({ directory: file });
      let state: { digest: string; checksum: GraphChecksum };
      try {
        await fill(store);
        state = await storeState(store);
      } finally {
        await store.close();
      }
      const left = presentFiles(file).filter((each) => each !== file && each !== `${file}.wal`);
      if (left.length > 0) throw new Error(`a closed test database left engine files: ${left.join(', ')}`);
      writeFileSync(stateFile, JSON.stringify(state));
      return { file, ...state };
    })();
    building.set(key, template);
    // Kept only while it is built: then the state file says it is there (a failed build is not).
    void template.then(
      () => building.delete(key),
      () => building.delete(key),
    );
  }
  return template;
}

/** A copy of a closed database (its file and write-ahead log, when it has one) at `to`. */
export function copyClosedDatabase(from: string, to: string): void {
  for (const file of presentFiles(from)) {
    copyFileSync(file, `${to}${file.slice(from.length)}`, constants.COPYFILE_FICLONE);
  }
}

/** The template key of a dataset directory: its path and the hash of its files. */
export function datasetTemplateKey(dataDirectory: string): string {
  return `dataset ${path.resolve(dataDirectory)} ${datasetFingerprint(dataDirectory)}`;
}

/** The loaded template of a dataset directory (`writeDataset` of it into an empty store). */
export function datasetTemplate(dataDirectory = FIXTURE_DATASET): Promise<LoadedTemplate> {
  return loadedTemplate(datasetTemplateKey(dataDirectory), async (store) => {
    await writeDataset(store, loadDataset(dataDirectory));
  });
}

/** A fresh embedded store in its own temporary directory, opened on a copy of a template. */
export async function openTemplateCopy(
  template: LoadedTemplate | Promise<LoadedTemplate>,
  options: Omit<EmbeddedStoreOptions, 'directory'> = {},
): Promise<{ store: EmbeddedStore; dispose: () => Promise<void> }> {
  const { file } = await template;
  return openInTemporaryDirectory((database) => copyClosedDatabase(file, database), options);
}

/**
 * A fresh embedded store holding the given dataset directory (the test fixture by default): a copy
 * of this worker's loaded template of it, the same as loading it into an empty store.
 */
export function openLoadedStore(
  dataDirectory = FIXTURE_DATASET,
  options: Omit<EmbeddedStoreOptions, 'directory'> = {},
): Promise<{ store: EmbeddedStore; dispose: () => Promise<void> }> {
  return openTemplateCopy(datasetTemplate(dataDirectory), options);
}
