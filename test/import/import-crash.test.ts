import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { prepareInput, reference, torture, type KillPoint } from '../../bench/crash/torture';
import { defaultDataDirectory } from '../../src/import/dataset';
import { copyClosedDatabase, datasetTemplate } from '../helpers/stores';

/**
 * The crash torture of `npm run bench:crash`, small: a generated graph imported with
 * `tradegraph import` in a child process, killed with SIGKILL while it reads, late in its writing (where it builds the tables again) and at three moments of its commit (the bulk write's commit, checkpoint and switch); after each
 * kill a new process opens the database, which must show the graph checksum of before or after.
 */
describe('Import killed at any moment', () => {
  let directory: string;
  beforeAll(() => {
    directory = mkdtempSync(path.join(os.tmpdir(), 'tradegraph-crash-test-'));
  });
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  test('every restart opens, as before or as after the import, and leaves nothing behind', async () => {
    const input = await prepareInput(directory, 'S', 7, {
      statistics: 3000,
      companies: 60,
      people: 60,
      plants: 30,
    });
    // The database before the import holds the curated dataset: a copy of this worker's loaded
    // template, what `tradegraph load` (the benchmark's seedDatabase) writes, without a process.
    const seed = path.join(directory, 'seed.db');
    copyClosedDatabase((await datasetTemplate(defaultDataDirectory())).file, seed);
    const options = {
      directory,
      input,
      points: [] as KillPoint[],
      mode: 'checksum' as const,
      inProcess: true,
    };
    const ref = await reference(options, seed);
    expect(ref.after.fingerprint).not.toBe(ref.before.fingerprint);
    const commitMs = Math.max(ref.run.ms - ref.committingAtMs, 100);
    const points: KillPoint[] = [
      { anchor: 'start', offsetMs: Math.round(ref.writingAtMs * 0.6) },
      // Late in the writing: the bulk loads, where a large import builds the tables again.
      {
        anchor: 'start',
        offsetMs: Math.round(ref.writingAtMs + (ref.committingAtMs - ref.writingAtMs) * 0.8),
      },
      { anchor: 'committing', offsetMs: Math.round(commitMs * 0.2) },
      { anchor: 'committing', offsetMs: Math.round(commitMs * 0.6) },
      { anchor: 'committing', offsetMs: Math.round(commitMs * 0.9) },
    ];
    const results = await torture({ ...options, points }, seed, ref);
    for (const result of results) {
      expect({ point: result.point, opened: result.state.opened, error: result.state.error }).toEqual({
        point: result.point,
        opened: true,
        error: undefined,
      });
      expect(['before', 'after']).toContain(result.outcome);
      // What the killed import left in the store's work directory was removed by the restart.
      expect(result.state.workAfterOpen).toEqual([]);
      expect(Object.keys(result.filesAfterRestart)).toEqual([]);
    }
    // A kill before the commit leaves the graph as before.
    expect(results[0]?.outcome).toBe('before');
  }, 600_000);
});
