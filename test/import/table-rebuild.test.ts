import path from 'node:path';
import { graphChecksum } from '../../src/export/graph-checksum';
import { importFiles } from '../../src/import/import';
import { statisticTableSteps } from '../../src/import/staging';
import { copyStatistics } from '../../src/store/catalog';
import type { GraphStore } from '../../src/store/graph-store';
import { countStatistics } from '../../src/store/rebuild-statements';
import { listStatisticKeys } from '../../src/store/statistic-key-statements';
import { openLoadedEngineStore, type OpenedStore } from '../helpers/engines';
import { statisticLines, writeFiles } from '../helpers/import-files';

jest.setTimeout(180_000);

/*
 * A large import builds the graph's tables again on the embedded engine (the statistics with
 * their links, and every other node table with the claims: src/store/rebuild-statements.ts). The
 * graph it leaves must be exactly the one the same import leaves written in place, with no table
 * built again, including the entities and claims the import wrote in place before the rebuild.
 */
const FIXTURES = path.join(__dirname, '..', 'fixtures', 'import');

async function stateOf(store: GraphStore): Promise<{ checksum: string; keys: string[] }> {
  const keys = await store.read(listStatisticKeys, { after: '', limit: 1_000_000 });
  return {
    checksum: (await graphChecksum(store)).checksum,
    keys: keys.map((row) => `${row.key}=${[...row.ids].sort().join(',')}`),
  };
}

describe('A large import on the embedded engine', () => {
  const opened: OpenedStore[] = [];
  afterEach(async () => {
    for (const store of opened.splice(0)) await store.dispose();
  });

  test('builds the tables again and leaves the graph the same import leaves in place', async () => {
    const files = writeFiles({ 'statistics.jsonl': statisticLines(2000, 'rebuild') });
    const paths = [
      path.join(FIXTURES, 'companies.csv'),
      path.join(FIXTURES, 'relationships.csv'),
      files.paths['statistics.jsonl'] as string,
    ];
    try {
      const rebuilt = await openLoadedEngineStore('embedded');
      const inPlace = await openLoadedEngineStore('embedded');
      opened.push(rebuilt, inPlace);
      const before = await stateOf(rebuilt.store);
      const stored = (await rebuilt.store.read(countStatistics, {}))[0]?.statistics ?? 0;
      // Enough new statistics that the bulk write builds the tables again.
      expect(statisticTableSteps(stored, 2000, [copyStatistics]).length).toBeGreaterThan(1);

      const bulk = await importFiles(rebuilt.store, paths);
      const written = await importFiles(inPlace.store, paths, { bulkAboveBytes: 1e12 });
      expect(bulk.nodes.Company.created).toBeGreaterThan(0);
      expect(bulk.nodes).toEqual(written.nodes);
      const [fromRebuild, fromPlace] = [await stateOf(rebuilt.store), await stateOf(inPlace.store)];
      expect(fromRebuild.checksum).not.toBe(before.checksum);
      expect(fromRebuild).toEqual(fromPlace);
    } finally {
      files.remove();
    }
  });
});
