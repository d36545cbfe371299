import { execFile } from 'node:child_process';
import { Command, CommanderError } from 'commander';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cliEntry } from './cli-build';
import { copyClosedDatabase, datasetTemplate, openEmbeddedStore, TEST_BUFFER_POOL_BYTES } from './stores';
import { defaultDataDirectory } from '../../src/import/dataset';
import type { GraphStore } from '../../src/store/graph-store';
import { failureMessage } from '../../src/cli/checks';
import { queryCommands } from '../../src/cli/query-commands';
import { ensureDataset } from '../../src/import/ensure-dataset';
import { neo4jTestUri, openEmptyStore, type EngineName, type OpenedStore } from './engines';

const ROOT = path.join(__dirname, '..', '..');

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * The `tradegraph` command run as a child process (the sources compiled once per run:
 * cli-build.ts) on one engine's test database: a fresh embedded directory, or this worker's Neo4j
 * emptied and held until `dispose`.
 * The first command loads the curated dataset, as for a user; with `loaded` (embedded only) the
 * directory starts with it, a copy of this worker's loaded template (test/helpers/stores.ts), for
 * suites about something else than that first load.
 */
export interface CliOnEngine {
  readonly run: (args: readonly string[], env?: Record<string, string>) => Promise<CliRun>;
  /**
   * The read-only questions (`src/cli/query-commands.ts`: rank, stats, show, search, members, who,
   * path, conflicts) parsed and answered in this process, on the same store, printing what the
   * command prints: the commands' own code without a process start for each. `run` is for what
   * needs the real command (exit codes, the environment, the entry point's wiring).
   */
  readonly ask: (args: readonly string[]) => Promise<CliRun>;
  /** The environment the command runs with (the store's variables). */
  readonly env: Record<string, string>;
  readonly directory: string;
  /** Uses the store the command runs on, in this process, between commands. */
  readonly withStore: <T>(use: (store: GraphStore) => Promise<T>) => Promise<T>;
  readonly dispose: () => Promise<void>;
}

export async function cliOn(engine: EngineName, options: { loaded?: boolean } = {}): Promise<CliOnEngine> {
  const directory = mkdtempSync(path.join(os.tmpdir(), 'tradegraph-cli-test-'));
  if (options.loaded === true) {
    if (engine !== 'embedded') throw new Error('cliOn: `loaded` is for the embedded engine');
    copyClosedDatabase((await datasetTemplate(defaultDataDirectory())).file, path.join(directory, 'db'));
  }
  let held: OpenedStore | null = null;
  const env: Record<string, string> = {
    TRADEGRAPH_DB_DIR: path.join(directory, 'db'),
    // The commands' embedded store gets the tests' page cache too (test/helpers/stores.ts).
    TRADEGRAPH_BUFFER_POOL_MB: String(TEST_BUFFER_POOL_BYTES / 1024 ** 2),
  };
  if (engine === 'neo4j') {
    held = await openEmptyStore('neo4j');
    Object.assign(env, {
      NEO4J_URI: neo4jTestUri() as string,
      NEO4J_USER: process.env.NEO4J_USER || 'neo4j',
      NEO4J_PASSWORD: process.env.NEO4J_PASSWORD ?? '',
    });
  }
  const run = (args: readonly string[], extra: Record<string, string> = {}): Promise<CliRun> =>
    new Promise((resolve) => {
      const base = { ...process.env };
      delete base.NEO4J_URI;
      execFile(
        process.execPath,
        [...cliEntry(), ...args],
        { cwd: ROOT, env: { ...base, ...env, ...extra }, timeout: 120_000, maxBuffer: 64 * 1024 * 1024 },
        (error, stdout, stderr) => {
          const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
          resolve({ code, stdout, stderr });
        },
      );
    });
  const withStore = async <T>(use: (store: GraphStore) => Promise<T>): Promise<T> => {
    if (held) return use(held.store);
    const store = await openEmbeddedStore({ directory: env.TRADEGRAPH_DB_DIR as string });
    try {
      return await use(store);
    } finally {
      await store.close();
    }
  };
  const ask = async (args: readonly string[]): Promise<CliRun> => {
    let stdout = '';
    let stderr = '';
    const program = new Command()
      .name('tradegraph')
      .exitOverride()
      .configureOutput({ writeOut: (text) => (stdout += text), writeErr: (text) => (stderr += text) });
    queryCommands(program, {
      withStore: (work) =>
        withStore(async (store) => {
          await ensureDataset(store);
          return work(store);
        }),
      write: (text) => (stdout += text),
    });
    try {
      await program.parseAsync([...args], { from: 'user' });
      return { code: 0, stdout, stderr };
    } catch (error) {
      if (error instanceof CommanderError) return { code: error.exitCode, stdout, stderr };
      return { code: 1, stdout, stderr: `${stderr}${failureMessage(error)}\n` };
    }
  };
  return {
    run,
    ask,
    env,
    directory,
    withStore,
    dispose: async () => {
      await held?.dispose();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
