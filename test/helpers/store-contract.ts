import { loadDataset } from '../../src/import/dataset';
import { writeDataset } from '../../src/import/write-dataset';
import { findMembers } from '../../src/queries/members';
import { findNodes } from '../../src/store/find-nodes';
import { findRoles, findShortestPaths } from '../../src/queries/paths';
import { rank } from '../../src/queries/ranking';
import { findStatistics } from '../../src/queries/statistics';
import { clearGraph, countNodes, countRelationships, upsertStatements } from '../../src/store/catalog';
import type { GraphStore } from '../../src/store/graph-store';
import { FIXTURE_DATASET } from './stores';

async function counts(store: GraphStore): Promise<Record<string, number>> {
  const result: Record<string, number> = {};
  for (const row of await store.read(countNodes, {})) result[row.kind] = row.count;
  for (const row of await store.read(countRelationships, {})) result[row.type] = row.count;
  return result;
}

/**
 * The behaviour every GraphStore adapter must show, run against a real database of each engine.
 * The store is emptied and loaded with the test fixture dataset first.
 */
export function describeStoreContract(engine: string, open: () => Promise<GraphStore>): void {
  describe(`Store contract (${engine})`, () => {
    let store: GraphStore;

    beforeAll(async () => {
      store = await open();
      await store.transaction((tx) => tx.run(clearGraph, {}));
      await writeDataset(store, loadDataset(FIXTURE_DATASET));
    });

    afterAll(async () => {
      await store.close();
    });

    test('loading the same dataset twice leaves the same graph', async () => {
      const before = await counts(store);
      await writeDataset(store, loadDataset(FIXTURE_DATASET));
      expect(await counts(store)).toEqual(before);
      expect(before.Company).toBe(3);
      expect(before.Statistic).toBe(8);
      expect(before.MEMBER_OF).toBe(4);
    });

    test('a failing transaction leaves nothing behind', async () => {
      const before = await counts(store);
      const row = {
        id: 'half-written',
        name: 'Half Written Co',
        aliases: [],
        description: null,
        wikidata: null,
        sources: [],
        searchText: '|half written|',
        companyType: 'other',
      };
      await expect(
        store.transaction(async (tx) => {
          await tx.runBatch(upsertStatements.Company, [row]);
          throw new Error('interrupted on purpose');
        }),
      ).rejects.toThrow('interrupted on purpose');
      expect(await counts(store)).toEqual(before);
      expect((await findNodes(store, ['half-written'])).size).toBe(0);
    });

    test('nodes of any kind are found by id, unknown ids are absent', async () => {
      const nodes = await findNodes(store, ['alpha-trucks', 'MX-COA', 'fx-report-2026', 'no-such-id']);
      expect(nodes.get('alpha-trucks')?.kind).toBe('Company');
      expect(nodes.get('MX-COA')?.kind).toBe('Region');
      expect(nodes.get('fx-report-2026')?.properties.publisher).toBe('Fixture Press');
      expect(nodes.has('no-such-id')).toBe(false);
    });

    test('members keep each source’s claim with its date', async () => {
      const all = await findMembers(store, ['truckmakers']);
      expect(all.map((m) => m.member.id).sort()).toEqual(['alpha-trucks', 'beta-motors', 'gamma-parts']);
      const alpha = all.find((m) => m.member.id === 'alpha-trucks');
      expect(alpha?.claims.map((c) => c.sourceId).sort()).toEqual(['fx-older-2022', 'fx-report-2026']);
      const current = await findMembers(store, ['truckmakers'], { asOf: '2026' });
      expect(current.map((m) => m.member.id).sort()).toEqual(['alpha-trucks', 'beta-motors']);
      const older = await findMembers(store, ['truckmakers'], { sourceId: 'fx-older-2022' });
      expect(older.map((m) => m.member.id).sort()).toEqual(['alpha-trucks', 'gamma-parts']);
    });

    test('statistics filter by metric, period, destination and totals', async () => {
      const all = await findStatistics(store, { subjectIds: ['MX'], metric: 'exports' });
      expect(all.map((s) => s.period)).toEqual(['2025-01', '2026-01', '2026-01']);
      const toUs = await findStatistics(store, { subjectIds: ['MX'], metric: 'exports', destination: 'US' });
      expect(toUs.map((s) => s.value)).toEqual([4200]);
      const totals = await findStatistics(store, {
        subjectIds: ['MX'],
        metric: 'exports',
        period: '2026-01',
        totalsOnly: true,
      });
      expect(totals).toHaveLength(1);
      expect(totals[0]).toMatchObject({
        value: 4500,
        destinationId: null,
        changePercent: -50.5,
        changeComparedTo: '2025-01',
        periodStart: '2026-01-01',
        periodEnd: '2026-01-31',
        sourceId: 'fx-report-2026',
        publishedById: 'fx-stats-office',
      });
    });

    test('a ranking for one destination never passes totals off as that destination', async () => {
      const ranking = await rank(store, {
        membersOf: 'truckmakers',
        metric: 'exports',
        period: '2026-01',
        destination: 'US',
      });
      expect(ranking.rows.map((r) => [r.subjectId, r.value, r.coverage, r.broaderThanAsked])).toEqual([
        ['alpha-trucks', 2990, 'all destinations', true],
        ['beta-motors', 1100, 'to US', false],
      ]);
      expect(ranking.rows[0]?.sourcesDisagree).toBe(true);
      expect(ranking.rows[0]?.statistics.map((s) => [s.sourceId, s.value])).toEqual([
        ['fx-older-2022', 2990],
        ['fx-report-2026', 3000],
      ]);
      expect(ranking.context.map((s) => s.id).sort()).toEqual([
        'mx-export-share-2026-01-us-fx',
        'mx-exports-2026-01-fx',
        'mx-exports-2026-01-us-fx',
      ]);
    });

    test('people are found with their roles and sources', async () => {
      const roles = await findRoles(store, 'ana-perez');
      expect(roles).toEqual([expect.objectContaining({ role: 'President', sourceId: 'fx-report-2026' })]);
      expect(roles[0]?.organisation.id).toBe('truckmakers');
    });

    test('shortest paths come back with every edge and its source', async () => {
      const paths = await findShortestPaths(store, 'alpha-trucks', 'fx-agreement');
      expect(paths.length).toBeGreaterThan(0);
      const [path] = paths;
      expect(path?.nodes.map((n) => n.id)).toEqual([
        'alpha-trucks',
        'alpha-saltillo-plant',
        'MX-COA-saltillo',
        'MX-COA',
        'MX',
        'fx-agreement',
      ]);
      expect(path?.edges.map((e) => [e.type, e.startId, e.endId, e.properties.source])).toEqual([
        ['OPERATES', 'alpha-trucks', 'alpha-saltillo-plant', 'fx-report-2026'],
        ['LOCATED_IN', 'alpha-saltillo-plant', 'MX-COA-saltillo', 'fx-report-2026'],
        ['LOCATED_IN', 'MX-COA-saltillo', 'MX-COA', 'fx-report-2026'],
        ['LOCATED_IN', 'MX-COA', 'MX', 'fx-report-2026'],
        ['PARTY_TO', 'MX', 'fx-agreement', 'fx-report-2026'],
      ]);
      expect(await findShortestPaths(store, 'alpha-trucks', 'fx-agreement', { maxLength: 4 })).toEqual([]);
    });
  });
}
