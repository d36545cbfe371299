import { createHash } from 'node:crypto';
import createDebug from 'debug';
import { closeSync, existsSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadDataset } from '../../src/import/dataset';
import { writeDataset } from '../../src/import/write-dataset';
import { clearGraph } from '../../src/store/catalog';
import type { GraphStore } from '../../src/store/graph-store';
import { Neo4jStore, type Neo4jStoreOptions } from '../../src/store/neo4j/neo4j-store';
import { NEO4J_SKIP_VARIABLE, NEO4J_URIS_VARIABLE } from './neo4j-env';
import { storeDigest } from './store-digest';
import {
  datasetTemplate,
  datasetTemplateKey,
  FIXTURE_DATASET,
  openTemplateCopy,
  openTemporaryStore,
} from './stores';

/*
 * The engines a tier runs on: embedded always, Neo4j when jest's global setup found or started a
 * server (test/helpers/neo4j-global-setup.ts). `describe.each(ENGINES)` runs a suite on each; a
 * run without Neo4j prints why and shows a skipped test in its place.
 */

export type EngineName = 'embedded' | 'neo4j';

/** `DEBUG=tradegraph:test:neo4j` says which suites were given a kept Neo4j database. */
const log = createDebug('tradegraph:test:neo4j');

export interface OpenedStore {
  readonly store: GraphStore;
  /** Closes the store (and deletes an embedded store's directory, or frees the Neo4j server). */
  readonly dispose: () => Promise<void>;
}

/** The Neo4j server of this jest worker, or undefined (with the reason in `neo4jSkipReason`). */
export function neo4jTestUri(): string | undefined {
  const uris = (process.env[NEO4J_URIS_VARIABLE] ?? '').split(',').filter(Boolean);
  if (uris.length === 0) return undefined;
  const worker = Number(process.env.JEST_WORKER_ID ?? '1');
  return uris[(worker - 1) % uris.length];
}

export function neo4jSkipReason(): string {
  return `Neo4j tier skipped: ${process.env[NEO4J_SKIP_VARIABLE] ?? 'no Neo4j server for this run (jest global setup did not run)'}`;
}

let warned = false;

/** `['embedded', 'neo4j']`, or `['embedded']` with a printed reason and a skipped test standing for Neo4j. */
export function testEngines(): EngineName[] {
  if (neo4jTestUri() !== undefined) return ['embedded', 'neo4j'];
  if (!warned) {
    warned = true;
    console.warn(neo4jSkipReason());
    test.skip(neo4jSkipReason(), () => undefined);
  }
  return ['embedded'];
}

/** The Neo4j suites of this file, or a printed skip. */
export function describeNeo4j(name: string, body: (uri: string) => void): void {
  const uri = neo4jTestUri();
  if (uri === undefined) {
    console.warn(neo4jSkipReason());
    test.skip(`${name}: ${neo4jSkipReason()}`, () => undefined);
    return;
  }
  describe(name, () => body(uri));
}

/** How long a suite waits for another worker's turn on a shared Neo4j (only when NEO4J_URI named one). */
export const NEO4J_LOCK_WAIT_MS = 15 * 60_000;

export function lockPath(uri: string): string {
  const hash = createHash('sha256').update(uri).digest('hex').slice(0, 16);
  return path.join(os.tmpdir(), `tradegraph-test-neo4j-${hash}.lock`);
}

/** Whether a process with this pid exists (one we may not signal counts). */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * The turn this test file holds, and the store opened with it, on `process` (which jest gives each
 * test file of its own: only within a file is it found again). A suite whose `beforeAll` timed out
 * never disposes what it opened, and the next suite must be able to take the turn back.
 */
interface HeldTurn {
  readonly testPath: string;
  close: () => Promise<void>;
}
const HELD = Symbol.for('tradegraph.test.neo4jTurn');
const held = (): Map<string, HeldTurn> => {
  const holder = process as unknown as Record<symbol, Map<string, HeldTurn> | undefined>;
  return (holder[HELD] ??= new Map());
};
const currentTestPath = (): string => expect.getState().testPath ?? '(unknown test file)';

/**
 * What the last turn on each server left in its database, when that turn was one of
 * `openLoadedEngineStore(…, { reuse: true })`: the template key of the dataset it was given, in a
 * file beside the lock (test files do not share a `process` object, only the file system). Any
 * turn deletes it when it starts. Only a hint of where checking is worth it: a turn that reuses a
 * database first checks that it holds exactly what a load of the dataset writes.
 */
const leftPath = (lockFile: string): string => `${lockFile}.left`;

/**
 * Takes the one turn on a Neo4j server that suites of different workers share (a lock file holding
 * this process's pid; a lock left by a dead process is taken over). With one server per worker it
 * is never contended. A turn this process still holds for an earlier test file (whose set-up timed
 * out before it could dispose its store) is taken back: that store is closed first, so nothing it
 * still runs writes into this suite's database.
 */
export async function lockNeo4j(uri: string): Promise<() => void> {
  return (await takeNeo4jTurn(uri)).release;
}

/** `lockNeo4j`, also saying what the previous turn left loaded (see `leftPath`). */
async function takeNeo4jTurn(uri: string): Promise<{ release: () => void; left: string | undefined }> {
  const file = lockPath(uri);
  const deadline = Date.now() + NEO4J_LOCK_WAIT_MS;
  for (;;) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      const turn: HeldTurn = { testPath: currentTestPath(), close: async () => undefined };
      held().set(file, turn);
      const left = existsSync(leftPath(file)) ? readFileSync(leftPath(file), 'utf8') : undefined;
      rmSync(leftPath(file), { force: true });
      return {
        left,
        release: () => {
          if (held().get(file) === turn) held().delete(file);
          rmSync(file, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = Number(readFileSync(file, { encoding: 'utf8', flag: 'a+' }).trim());
    if (holder === process.pid) {
      const leftover = held().get(file);
      if (leftover?.testPath === currentTestPath()) {
        throw new Error(`this process already holds the Neo4j test lock ${file}`);
      }
      // Jest gives each test file its own `process` object, so a turn left by an earlier file of
      // this worker is usually not in `held()`: that file has finished (a worker runs its files
      // one after another), so its turn is stale and is taken over; its store cannot be closed
      // from here, only abandoned.
      process.stderr.write(
        `[neo4j tier] ${leftover ? path.basename(leftover.testPath) : 'an earlier test file of this worker'} ` +
          `never released its Neo4j turn (its set-up failed or timed out); taking the turn for ` +
          `${path.basename(currentTestPath())}\n`,
      );
      held().delete(file);
      await leftover?.close().catch(() => undefined);
      rmSync(file, { force: true });
      continue;
    }
    if (Number.isInteger(holder) && holder > 0 && !alive(holder)) {
      rmSync(file, { force: true });
      continue;
    }
    if (Date.now() > deadline)
      throw new Error(`waited ${NEO4J_LOCK_WAIT_MS} ms for the Neo4j test lock ${file}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Options of a Neo4jStore on the test server (auth is off on the launched one). */
export function neo4jTestOptions(uri: string, extra: Partial<Neo4jStoreOptions> = {}): Neo4jStoreOptions {
  return {
    uri,
    user: process.env.NEO4J_USER || 'neo4j',
    password: process.env.NEO4J_PASSWORD ?? '',
    ...(process.env.NEO4J_DATABASE ? { database: process.env.NEO4J_DATABASE } : {}),
    queryTimeoutMs: 30_000,
    // Loading a dataset is one write transaction; on a busy machine it can outlast a read's bound.
    writeTimeoutMs: 600_000,
    ...extra,
  };
}

/**
 * An empty store of the engine: a fresh embedded database in a temporary directory, or this
 * worker's Neo4j emptied (held for this suite until `dispose`).
 */
export async function openEmptyStore(
  engine: EngineName,
  extra: Partial<Neo4jStoreOptions> = {},
): Promise<OpenedStore> {
  if (engine === 'embedded') return openTemporaryStore();
  const uri = neo4jTestUri();
  if (uri === undefined) throw new Error(neo4jSkipReason());
  const release = await lockNeo4j(uri);
  try {
    const store = await Neo4jStore.open(neo4jTestOptions(uri, extra));
    const turn = held().get(lockPath(uri));
    if (turn) turn.close = () => store.close();
    await store.transaction((tx) => tx.run(clearGraph, {}));
    return {
      store,
      dispose: async () => {
        try {
          await store.close();
        } finally {
          release();
        }
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

export interface LoadedStoreOptions {
  /**
   * Neo4j: the suite only reads. It may then be given the database the previous suite on this
   * worker's server left, when that suite was given the same dataset the same way and the
   * database holds exactly what loading the dataset writes (`storeDigest` equal to the embedded
   * template's: every node, relationship, property, Meta entry and statistic key), saving the
   * load (7–9 s for the curated dataset). A suite that writes all the same only costs the next
   * one that check. No effect on the embedded engine, where every store is a fresh copy.
   */
  readonly reuse?: boolean;
}

/**
 * A store of the engine holding a dataset directory (the test fixture by default), as if loaded
 * into an empty one: on the embedded engine a copy of this worker's loaded template (see
 * `openTemplateCopy`); on Neo4j this worker's server emptied and loaded (or, with `reuse`, kept
 * when it holds exactly that), held for this suite until `dispose`.
 */
export async function openLoadedEngineStore(
  engine: EngineName,
  dataDirectory = FIXTURE_DATASET,
  options: LoadedStoreOptions = {},
): Promise<OpenedStore & { readonly reused: boolean }> {
  if (engine === 'embedded')
    return { ...(await openTemplateCopy(datasetTemplate(dataDirectory))), reused: false };
  const uri = neo4jTestUri();
  if (uri === undefined) throw new Error(neo4jSkipReason());
  const key = datasetTemplateKey(dataDirectory);
  const { release, left } = await takeNeo4jTurn(uri);
  try {
    const store = await Neo4jStore.open(neo4jTestOptions(uri));
    const turn = held().get(lockPath(uri));
    if (turn) turn.close = () => store.close();
    let reused: boolean;
    try {
      const why =
        options.reuse !== true
          ? 'it may write'
          : left !== key
            ? `the last turn left ${left ?? 'nothing known'}`
            : (await storeDigest(store)) !== (await datasetTemplate(dataDirectory)).digest
              ? 'the database is not as loaded'
              : null;
      reused = why === null;
      log(
        '%s: %s',
        path.basename(currentTestPath()),
        reused ? 'reused the database left loaded' : `loading (${why})`,
      );
      if (!reused) {
        await store.transaction((tx) => tx.run(clearGraph, {}));
        await writeDataset(store, loadDataset(dataDirectory));
      }
    } catch (error) {
      await store.close();
      throw error;
    }
    return {
      store,
      reused,
      dispose: async () => {
        try {
          await store.close();
          if (options.reuse === true) writeFileSync(leftPath(lockPath(uri)), key);
        } finally {
          release();
        }
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}
