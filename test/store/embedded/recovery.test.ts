import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { countNodes, findStatistics } from '../../../src/store/catalog';
import type { EmbeddedStore } from '../../../src/store/embedded/embedded-store';
import { openEmbeddedStore } from '../../helpers/stores';

const ROOT = path.join(__dirname, '..', '..', '..');

function writeThenDie(database: string, how: 'store' | 'engine'): void {
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', path.join(__dirname, 'support', 'write-then-die.ts'), database, how],
    { cwd: ROOT, encoding: 'utf8', timeout: 60_000 },
  );
  expect(run.signal).toBe('SIGKILL');
}

async function companies(database: string): Promise<{ count: number; store: EmbeddedStore }> {
  const store = await openEmbeddedStore({ directory: database });
  const count = (await store.read(countNodes, {})).find((row) => row.kind === 'Company')?.count ?? 0;
  return { count, store };
}

describe('Embedded store: what a killed process leaves, the next open deals with', () => {
  let directory: string;
  let database: string;
  beforeEach(async () => {
    directory = mkdtempSync(path.join(os.tmpdir(), 'tradegraph-recovery-'));
    database = path.join(directory, 'db');
    await (await openEmbeddedStore({ directory: database })).close();
  });
  afterEach(() => rmSync(directory, { recursive: true, force: true }));

  test('a write acknowledged by transaction() survives a kill right after', async () => {
    writeThenDie(database, 'store');
    const { count, store } = await companies(database);
    try {
      expect(count).toBe(1);
      expect(store.recovery.keptLog).toBeNull();
    } finally {
      await store.close();
    }
  });

  test('a log the engine cannot replay opens as before the unacknowledged write, the log kept aside', async () => {
    writeThenDie(database, 'engine');
    expect(existsSync(`${database}.wal`)).toBe(true);
    const warn = jest.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    try {
      const { count, store } = await companies(database);
      try {
        expect(count).toBe(0);
        expect(store.recovery.keptLog).toMatch(/db\.wal\.unreplayable-/);
        expect(existsSync(store.recovery.keptLog ?? '')).toBe(true);
        // Writable again, and the next open needs no recovery.
        await store.transaction(async () => undefined);
      } finally {
        await store.close();
      }
      expect(String(warn.mock.calls[0]?.[0])).toMatch(
        /opened as it was before the write that was being committed .* kept at .*unreplayable/,
      );
      const again = await openEmbeddedStore({ directory: database });
      expect(again.recovery.keptLog).toBeNull();
      await again.close();
    } finally {
      warn.mockRestore();
    }
  });

  test('files of unfinished writes are removed when the store opens', async () => {
    const work = `${database}.work`;
    mkdirSync(path.join(work, 'bulk'), { recursive: true });
    mkdirSync(path.join(work, 'scratch', 'tradegraph-upload-abc123'), { recursive: true });
    writeFileSync(path.join(work, 'building.db'), 'half a database');
    writeFileSync(path.join(work, 'building.db.wal'), 'its log');
    writeFileSync(path.join(work, 'bulk', 'copy-statistics.csv'), 'a;b\n');
    writeFileSync(path.join(work, 'scratch', 'tradegraph-upload-abc123', 'statistics.jsonl'), '{}\n');
    const store = await openEmbeddedStore({ directory: database });
    try {
      expect(store.recovery.removed.map((file) => path.basename(file)).sort()).toEqual([
        'building.db',
        'building.db.wal',
        'bulk',
        'scratch',
      ]);
      expect(readdirSync(work).sort()).toEqual(['bulk', 'scratch']);
      expect(readdirSync(path.join(work, 'bulk'))).toEqual([]);
      expect(readdirSync(path.join(work, 'scratch'))).toEqual([]);
      expect(await store.read(findStatistics, { ids: ['x'] })).toEqual([]);
    } finally {
      await store.close();
    }
    // A store closed cleanly leaves no work directory behind.
    expect(existsSync(work)).toBe(false);
  });
});
