import { spawn } from 'node:child_process';
import path from 'node:path';
import { graphChecksum } from '../../src/export/graph-checksum';
import { rollbackImport, unfinishedImports } from '../../src/import/journal';
import { statisticLines, writeFiles } from '../helpers/import-files';
import { copyClosedDatabase, datasetTemplate, FIXTURE_DATASET, openEmbeddedStore } from '../helpers/stores';
import { cliEntry } from '../helpers/cli-build';

const ROOT = path.join(__dirname, '..', '..');

/**
 * Runs `tradegraph import` in a child process and kills it with SIGKILL as soon as a progress line
 * on its stderr passes `when`. Resolves with the signal that ended it and everything it printed.
 */
function importAndKill(
  database: string,
  args: readonly string[],
  when: (line: string) => boolean,
): Promise<{ signal: NodeJS.Signals | null; output: string }> {
  return new Promise((resolve, reject) => {
    // `node <entry>`, not the tsx command: that would run the CLI in a grandchild SIGKILL does not reach.
    const child = spawn(process.execPath, [...cliEntry(), 'import', ...args], {
      cwd: ROOT,
      env: { ...process.env, TRADEGRAPH_DB_DIR: database, TRADEGRAPH_DATA_DIR: FIXTURE_DATASET },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const watch = (chunk: Buffer): void => {
      output += chunk.toString();
      if (output.split('\n').some(when) && child.exitCode === null && !child.killed) child.kill('SIGKILL');
    };
    child.stdout.on('data', watch);
    child.stderr.on('data', watch);
    child.on('error', reject);
    child.on('exit', (_code, signal) => resolve({ signal, output }));
  });
}

/**
 * A database at `database` holding the fixture dataset (a copy of this worker's loaded template,
 * closed, so the child can open it); returns its checksum.
 */
async function prepare(database: string): Promise<string> {
  const template = await datasetTemplate(FIXTURE_DATASET);
  copyClosedDatabase(template.file, database);
  return template.checksum.checksum;
}

/** A progress line saying that some writing steps are done and some are not. */
function midway(line: string): boolean {
  const step = /import writing: .*batch (\d+)\/(\d+)/.exec(line);
  return step !== null && Number(step[1]) >= 1 && Number(step[1]) < Number(step[2]);
}

describe('Import killed midway', () => {
  test('a killed import leaves the graph exactly as before', async () => {
    const files = writeFiles({ 'statistics.jsonl': statisticLines(100_000, 'killed') });
    const database = path.join(files.directory, 'db');
    try {
      const before = await prepare(database);
      // Everything is checked before the one transaction starts; in it, the staged statistics are
      // bulk-loaded, then their links, one statement each. Killed once the statistics are in.
      const run = await importAndKill(database, [files.paths['statistics.jsonl'] as string], midway);
      expect(run.signal).toBe('SIGKILL');
      expect(run.output).not.toMatch(/created/);
      const store = await openEmbeddedStore({ directory: database });
      try {
        const after = await graphChecksum(store);
        expect(after.nodes.Statistic).toBe(8);
        expect(after.checksum).toBe(before);
      } finally {
        await store.close();
      }
    } finally {
      files.remove();
    }
  }, 180_000);

  test('a killed journaled import is rolled back by its id after restart', async () => {
    const files = writeFiles({ 'statistics.jsonl': statisticLines(20_000, 'journaled') });
    const database = path.join(files.directory, 'db');
    try {
      const before = await prepare(database);
      const run = await importAndKill(
        database,
        ['--journal', '--batch-size', '1000', files.paths['statistics.jsonl'] as string],
        midway,
      );
      expect(run.signal).toBe('SIGKILL');
      const store = await openEmbeddedStore({ directory: database });
      try {
        const partial = await graphChecksum(store);
        expect(partial.nodes.Statistic).toBeGreaterThan(8);
        const [interrupted] = await unfinishedImports(store);
        expect(interrupted?.state).toBe('running');
        expect(await rollbackImport(store, interrupted?.importId ?? '')).toBe(interrupted?.batches);
        expect((await graphChecksum(store)).checksum).toBe(before);
        expect(await unfinishedImports(store)).toEqual([]);
      } finally {
        await store.close();
      }
    } finally {
      files.remove();
    }
  }, 180_000);
});
