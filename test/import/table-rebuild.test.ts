import path from 'node:path';
import { graphChecksum } from '../../src/export/graph-checksum';
import { importFiles } from '../../src/import/import';
import { ENTITY_REBUILD_MINIMUM, statisticTableSteps } from '../../src/import/staging';
import { countNodes } from '../../src/store/catalog';
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

/** The store, with the names of the statements its transactions run written down (nothing else changes). */
function recording(store: GraphStore, names: string[]): GraphStore {
  const transaction: GraphStore['transaction'] = (work, options) =>
    store.transaction(
      (tx) =>
        work({
          ...tx,
          bulkDirectory: tx.bulkDirectory,
          run: (statement, params) => {
            names.push(statement.name);
            return tx.run(statement, params);
          },
          runBatch: (statement, rows) => tx.runBatch(statement, rows),
          ...(tx.commitPart ? { commitPart: tx.commitPart } : {}),
        }),
      options,
    );
  return new Proxy(store, {
    get: (target, property) => {
      if (property === 'transaction') return transaction;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

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

  /** The same import into two copies of the fixture store: a bulk write, and written in place. */
  async function bothWays(
    paths: string[],
  ): Promise<{ before: string; rebuilt: GraphStore; inPlace: GraphStore }> {
    const rebuilt = await openLoadedEngineStore('embedded');
    const inPlace = await openLoadedEngineStore('embedded');
    opened.push(rebuilt, inPlace);
    const before = (await stateOf(rebuilt.store)).checksum;
    const ran: string[] = [];
    const bulk = await importFiles(recording(rebuilt.store, ran), paths);
    // The bulk write built every table again: the entities' with the statistics'.
    expect(ran).toEqual(expect.arrayContaining(['set-aside-statistics', 'copy-set-aside-nodes-company']));
    const written = await importFiles(inPlace.store, paths, { bulkAboveBytes: 1e12 });
    expect(bulk.nodes).toEqual(written.nodes);
    return { before, rebuilt: rebuilt.store, inPlace: inPlace.store };
  }

  test('with many entities and no statistic, builds the tables again the same way', async () => {
    const count = ENTITY_REBUILD_MINIMUM + 200;
    const rows = Array.from(
      { length: count },
      (_, i) => `registry-${i},Registry Maker ${i},supplier,fx-report-2026`,
    );
    const members = Array.from(
      { length: 50 },
      (_, i) => `MEMBER_OF,registry-${i},truckmakers,fx-report-2026,,,,,`,
    );
    const files = writeFiles({
      'companies.csv': `id,name,companyType,sources\n${rows.join('\n')}\n`,
      'relationships.csv': `type,from,to,source,asOf,role,since,until,note\n${members.join('\n')}\n`,
    });
    try {
      const probe = await openLoadedEngineStore('embedded');
      opened.push(probe);
      const counts = await probe.store.read(countNodes, {});
      const stored = counts
        .filter((row) => row.kind !== 'Statistic')
        .reduce((sum, row) => sum + row.count, 0);
      // No statistic staged, yet the new entities are many: the tables are built again.
      expect(statisticTableSteps(0, 0, [], { stored, added: count }).length).toBeGreaterThan(0);
      expect(statisticTableSteps(0, 0, [], { stored, added: ENTITY_REBUILD_MINIMUM - 1 })).toEqual([]);
      const { before, rebuilt, inPlace } = await bothWays([
        files.paths['companies.csv'] as string,
        files.paths['relationships.csv'] as string,
      ]);
      const [fromRebuild, fromPlace] = [await stateOf(rebuilt), await stateOf(inPlace)];
      expect(fromRebuild.checksum).not.toBe(before);
      expect(fromRebuild).toEqual(fromPlace);
    } finally {
      files.remove();
    }
  });

  test('builds the tables again and leaves the graph the same import leaves in place', async () => {
    const files = writeFiles({ 'statistics.jsonl': statisticLines(2000, 'rebuild') });
    const paths = [
      path.join(FIXTURES, 'companies.csv'),
      path.join(FIXTURES, 'relationships.csv'),
      files.paths['statistics.jsonl'] as string,
    ];
    try {
      const probe = await openLoadedEngineStore('embedded');
      opened.push(probe);
      const stored = (await probe.store.read(countStatistics, {}))[0]?.statistics ?? 0;
      // Enough new statistics that the bulk write builds the tables again.
      expect(statisticTableSteps(stored, 2000, [copyStatistics]).length).toBeGreaterThan(1);
      const { before, rebuilt, inPlace } = await bothWays(paths);
      const [fromRebuild, fromPlace] = [await stateOf(rebuilt), await stateOf(inPlace)];
      expect(fromRebuild.checksum).not.toBe(before);
      expect(fromRebuild).toEqual(fromPlace);
    } finally {
      files.remove();
    }
  });
});
