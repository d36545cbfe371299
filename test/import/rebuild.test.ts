import { loadDataset } from '../../src/import/dataset';
import { importFiles } from '../../src/import/import';
import { recordedImports } from '../../src/import/import-records';
import { writeDataset } from '../../src/import/write-dataset';
import { findNodes } from '../../src/store/find-nodes';
import { ImportError } from '../../src/records/errors';
import type { GraphStore } from '../../src/store/graph-store';
import { openLoadedEngineStore, testEngines } from '../helpers/engines';
import { writeFiles } from '../helpers/import-files';
import { FIXTURE_DATASET } from '../helpers/stores';

jest.setTimeout(180_000);

const has = async (store: GraphStore, id: string): Promise<boolean> => (await findNodes(store, [id])).has(id);

describe.each(testEngines())('Imports survive a rebuild, or it refuses (%s)', (engine) => {
  let store: GraphStore;
  let dispose: () => Promise<void>;
  const dataset = loadDataset(FIXTURE_DATASET);

  beforeEach(async () => {
    // The fixture dataset, as `writeDataset(store, dataset)` into an empty store leaves it.
    const opened = await openLoadedEngineStore(engine, FIXTURE_DATASET);
    store = opened.store;
    dispose = opened.dispose;
  });
  afterEach(async () => {
    await dispose();
  });

  test('an import is recorded; load --replace refuses to drop it, and drops it only when named', async () => {
    const files = writeFiles({
      'companies.csv': 'id,name,companyType,sources\ndelta-axles,Delta Axles,supplier,fx-report-2026\n',
    });
    try {
      const dry = await importFiles(store, [files.paths['companies.csv'] as string], { dryRun: true });
      expect(dry.nodes.Company.created).toBe(1);
      expect(await recordedImports(store)).toEqual([]);

      const summary = await importFiles(store, [files.paths['companies.csv'] as string]);
      const records = await recordedImports(store);
      expect(records).toEqual([
        expect.objectContaining({
          importId: summary.importId,
          files: ['companies.csv'],
          created: 1,
          updated: 0,
        }),
      ]);
      // The same file again changes nothing, and is not recorded again.
      await importFiles(store, [files.paths['companies.csv'] as string]);
      expect(await recordedImports(store)).toHaveLength(1);

      const refusal = await writeDataset(store, dataset, { replace: true }).catch((error: unknown) => error);
      expect(refusal).toBeInstanceOf(ImportError);
      const message = (refusal as Error).message;
      expect(message).toContain('load --replace would drop 1 import(s)');
      expect(message).toContain(summary.importId);
      expect(message).toContain('companies.csv');
      expect(message).toContain(`--discard-imports ${summary.importId}`);
      expect(await has(store, 'delta-axles')).toBe(true);

      const wrongName = await writeDataset(store, dataset, {
        replace: true,
        discardImports: ['not-an-import'],
      }).catch((error: unknown) => error);
      expect((wrongName as Error).message).toContain('"not-an-import", which the graph does not hold');
      expect(await has(store, 'delta-axles')).toBe(true);

      await writeDataset(store, dataset, { replace: true, discardImports: [summary.importId] });
      expect(await has(store, 'delta-axles')).toBe(false);
      expect(await has(store, 'alpha-trucks')).toBe(true);
      expect(await recordedImports(store)).toEqual([]);
    } finally {
      files.remove();
    }
  });

  test('a journaled import is recorded with its last batch; a plain load keeps it', async () => {
    const files = writeFiles({
      'companies.jsonl': [
        JSON.stringify({ id: 'delta-axles', name: 'Delta Axles', companyType: 'supplier' }),
        JSON.stringify({ id: 'epsilon-gears', name: 'Epsilon Gears', companyType: 'supplier' }),
      ].join('\n'),
    });
    try {
      const summary = await importFiles(store, [files.paths['companies.jsonl'] as string], {
        mode: 'journal',
        batchSize: 1,
      });
      expect(await recordedImports(store)).toEqual([
        expect.objectContaining({ importId: summary.importId, files: ['companies.jsonl'], created: 2 }),
      ]);
      // Plain load (no --replace) keeps imports and does not refuse.
      await writeDataset(store, dataset);
      expect(await has(store, 'epsilon-gears')).toBe(true);
    } finally {
      files.remove();
    }
  });
});
