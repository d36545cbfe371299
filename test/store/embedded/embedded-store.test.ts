import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { countNodes } from '../../../src/store/catalog';
import { ReadOnlyStoreError, StoreQueryError, StoreUnavailableError } from '../../../src/store/errors';
import { listStatement, nodesOfKind } from '../../../src/store/generated-statements';
import { readStatement } from '../../../src/store/statements';
import { openEmbeddedStore, openLoadedStore } from '../../helpers/stores';

describe('Embedded store', () => {
  test('a database held by another process gives a clear error at open', async () => {
    const { store, dispose } = await openLoadedStore();
    try {
      const script = `
        require('tsx/cjs');
        const { EmbeddedStore } = require(${JSON.stringify(path.resolve('src/store/embedded/embedded-store.ts'))});
        EmbeddedStore.open({ directory: ${JSON.stringify(store.directory)} })
          .then(() => { console.log('opened'); process.exit(0); })
          .catch((e) => { console.log(e.name + ': ' + e.message); process.exit(3); });`;
      const child = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 30_000 });
      expect(child.status).toBe(3);
      expect(child.stdout).toMatch(/StoreUnavailableError: the database at .* is in use by another process/);
    } finally {
      await dispose();
    }
  });

  test('a statement timeout shorter than the start-up work still opens the store (the schema and checkpoint are not cut)', async () => {
    // Before: the schema statements ran under the 1 ms statement timeout and the open failed with
    // the engine's bare "Interrupted." (seen in CI on a loaded machine with an 8 ms timeout).
    const scratch = mkdtempSync(path.join(os.tmpdir(), 'tradegraph-open-timeout-'));
    try {
      for (let run = 0; run < 3; run += 1) {
        const store = await openEmbeddedStore({ directory: path.join(scratch, 'db'), queryTimeoutMs: 1 });
        await store.close();
      }
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });

  test('a broken statement is reported by name, without crashing the store', async () => {
    const { store, dispose } = await openLoadedStore();
    try {
      const catalogLess = readStatement<Record<string, never>, Record<string, never>>('count-nodes', [], {});
      await expect(store.read(catalogLess, {})).resolves.not.toHaveLength(0);
      await expect(
        store.read(readStatement('nodes-by-ids-company', ['ids'], {}), { ids: 'not-a-list' }),
      ).rejects.toBeInstanceOf(StoreQueryError);
      await expect(store.read(catalogLess, {})).resolves.not.toHaveLength(0);
    } finally {
      await dispose();
    }
  });

  test('a result of several thousand rows is read whole (its rows are read over several turns of the event loop)', async () => {
    const { store, dispose } = await openLoadedStore();
    try {
      const [first] = await store.read(listStatement('Company'), { after: '', limit: 1 });
      const id = first?.node.id ?? '';
      expect(id).not.toBe('');
      // The same id 2,500 times: one row per entry of the list, more than one turn's worth.
      const rows = await store.read(nodesOfKind('Company'), { ids: Array.from({ length: 2500 }, () => id) });
      expect(rows).toHaveLength(2500);
      expect(rows.every((row) => row.id === id && row.node.id === id)).toBe(true);
    } finally {
      await dispose();
    }
  });

  test('opened read-only: reads beside another reading process, refuses writes with its reason, leaves the work directory', async () => {
    const { store, dispose } = await openLoadedStore();
    const directory = store.directory;
    await store.close();
    const kept = path.join(`${directory}.work`, 'scratch', 'the-writers');
    mkdirSync(kept, { recursive: true });
    const reader = await openEmbeddedStore({ directory, readOnly: { reason: 'serve with --workers 1' } });
    try {
      const counts = await reader.read(countNodes, {});
      expect(counts.find((row) => row.kind === 'Company')?.count).toBeGreaterThan(0);
      await expect(reader.transaction(async () => undefined)).rejects.toThrow(
        new ReadOnlyStoreError('serve with --workers 1'),
      );
      expect([reader.bulkDirectory, reader.scratchDirectory]).toEqual([undefined, undefined]);
      const script = `
        require('tsx/cjs');
        const { EmbeddedStore } = require(${JSON.stringify(path.resolve('src/store/embedded/embedded-store.ts'))});
        const { countNodes } = require(${JSON.stringify(path.resolve('src/store/catalog.ts'))});
        EmbeddedStore.open({ directory: ${JSON.stringify(directory)}, bufferPoolBytes: 64 * 1024 ** 2, readOnly: { reason: 'test' } })
          .then(async (other) => { console.log(JSON.stringify(await other.read(countNodes, {}))); await other.close(); })
          .catch((e) => { console.log(e.name + ': ' + e.message); process.exit(3); });`;
      const child = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 30_000 });
      expect(child.status).toBe(0);
      expect(JSON.parse(child.stdout)).toEqual(expect.arrayContaining(counts));
    } finally {
      await reader.close();
    }
    expect(existsSync(kept)).toBe(true);
    await dispose();
  });

  test('a closed store refuses work with StoreUnavailableError', async () => {
    const { store, dispose } = await openLoadedStore();
    await store.close();
    await expect(store.read(readStatement('count-nodes', [], {}), {})).rejects.toBeInstanceOf(
      StoreUnavailableError,
    );
    await dispose();
  });

  test('reopening a database keeps what was written', async () => {
    const { store, dispose } = await openLoadedStore();
    const directory = store.directory;
    await store.close();
    const reopened = await openEmbeddedStore({ directory });
    try {
      const rows = await reopened.read(
        readStatement<{ ids: string[] }, { id: string }>('nodes-by-ids-company', ['ids'], { id: true }),
        {
          ids: ['alpha-trucks'],
        },
      );
      expect(rows).toHaveLength(1);
    } finally {
      await reopened.close();
      await dispose();
    }
  });
});
