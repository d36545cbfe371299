import { graphChecksum } from '../../src/export/graph-checksum';
import { importFiles, type ImportSummary } from '../../src/import/import';
import { rollbackImport, unfinishedImports } from '../../src/import/journal';
import { findMembers } from '../../src/queries/members';
import { findNodes } from '../../src/store/find-nodes';
import { findStatistics } from '../../src/queries/statistics';
import { countNodes, countRelationships, listMeta } from '../../src/store/catalog';
import type { GraphStore } from '../../src/store/graph-store';
import { fixture, IMPORT_FIXTURES, statisticLines, writeFiles } from '../helpers/import-files';
import { openLoadedStore } from '../helpers/stores';

async function counts(store: GraphStore): Promise<Record<string, number>> {
  const result: Record<string, number> = {};
  // Meta nodes are the store's bookkeeping (an import that changes something leaves a record there).
  for (const row of await store.read(countNodes, {})) if (row.kind !== 'Meta') result[row.kind] = row.count;
  for (const row of await store.read(countRelationships, {})) result[row.type] = row.count;
  return result;
}

const OWN = ['companies.csv', 'relationships.csv', 'statistics.csv', 'graph.jsonl'].map(fixture);

/** Tallies that are not all zero, for compact expectations. */
function changed(summary: ImportSummary): Record<string, [number, number, number]> {
  const result: Record<string, [number, number, number]> = {};
  for (const [kind, t] of Object.entries(summary.nodes)) {
    if (t.created + t.updated + t.unchanged > 0) result[kind] = [t.created, t.updated, t.unchanged];
  }
  const r = summary.relationships;
  result.relationships = [r.created, r.updated, r.unchanged];
  return result;
}

/** Changes to fixture records (a company, a claim, a statistic) and 30 new statistics. */
const CHANGES_AND_NEW = {
  'companies.jsonl': `${JSON.stringify({ id: 'gamma-parts', name: 'Gamma Parts SA', companyType: 'supplier', sources: ['fx-older-2022'] })}\n`,
  'relationships.jsonl': `${JSON.stringify({ type: 'MEMBER_OF', from: 'gamma-parts', to: 'truckmakers', source: 'fx-older-2022', asOf: '2023' })}\n`,
  'statistics.jsonl':
    `${JSON.stringify({ id: 'beta-exports-2026-01-us-fx', subject: 'beta-motors', metric: 'exports', value: 1111, unit: 'vehicles', period: '2026-01', destination: 'MX', source: 'fx-older-2022' })}\n` +
    statisticLines(30, 'journaled'),
};

class ConnectionLost extends Error {
  constructor() {
    super('connection lost');
  }
}

/**
 * The real store, except that its transactions fail after the first `allowed` ones (a fault
 * injected in front of the database, not a stand-in for it). `recovers` says whether later
 * transactions work again (for the import's own rollback) once one has failed.
 */
function failingAfter(store: GraphStore, allowed: number, recovers: () => boolean): GraphStore {
  let calls = 0;
  let failed = false;
  return {
    engine: store.engine,
    read: (statement, params) => store.read(statement, params),
    transaction: (work) => {
      calls += 1;
      if (calls > allowed && (!failed || !recovers())) {
        failed = true;
        return Promise.reject(new ConnectionLost());
      }
      return store.transaction(work);
    },
    health: () => store.health(),
    close: () => store.close(),
  };
}

describe('Import', () => {
  test('own CSV and JSON Lines files land in the graph with their references', async () => {
    const { store, dispose } = await openLoadedStore();
    try {
      const summary = await importFiles(store, OWN);
      expect(changed(summary)).toEqual({
        Company: [3, 0, 0],
        Statistic: [4, 0, 0],
        Source: [1, 0, 0],
        relationships: [4, 0, 0],
      });
      expect(summary.records).toBe(12);
      const nodes = await findNodes(store, ['delta-axles', 'zeta-logistics']);
      expect(nodes.get('delta-axles')?.properties).toMatchObject({
        name: 'Delta Axles',
        aliases: ['Delta', 'Ejes Delta'],
        companyType: 'supplier',
        sources: ['fx-report-2026'],
      });
      const members = await findMembers(store, ['truckmakers'], { asOf: '2026' });
      expect(members.map((m) => m.member.id).sort()).toEqual([
        'alpha-trucks',
        'beta-motors',
        'delta-axles',
        'epsilon-buses',
      ]);
      // A claim without a date speaks for the day its source was published.
      expect(members.find((m) => m.member.id === 'epsilon-buses')?.claims[0]?.asOf).toBe('2026-02-10');
      const [axles] = await findStatistics(store, { subjectIds: ['delta-axles'], metric: 'exports' });
      expect(axles).toMatchObject({
        value: 1250000,
        unit: 'USD',
        destinationId: 'US',
        originId: 'MX',
        changePercent: 12.5,
        changeComparedTo: '2025-01',
        periodStart: '2026-01-01',
      });
    } finally {
      await dispose();
    }
  });

  test('importing the same files twice changes nothing the second time', async () => {
    const { store, dispose } = await openLoadedStore();
    try {
      const files = [IMPORT_FIXTURES];
      await importFiles(store, files);
      const before = await graphChecksum(store);
      const countsBefore = await counts(store);
      const again = await importFiles(store, files);
      for (const t of [...Object.values(again.nodes), again.relationships]) {
        expect(t.created + t.updated).toBe(0);
      }
      expect(again.nodes.Statistic.unchanged).toBe(11);
      expect(again.relationships.unchanged).toBe(7);
      expect(await counts(store)).toEqual(countsBefore);
      expect((await graphChecksum(store)).checksum).toBe(before.checksum);
    } finally {
      await dispose();
    }
  });

  test('changed records are counted as updated and rewritten, links included', async () => {
    const { store, dispose } = await openLoadedStore();
    const files = writeFiles({
      'statistics.jsonl': `${JSON.stringify({
        id: 'beta-exports-2026-01-us-fx',
        subject: 'beta-motors',
        metric: 'exports',
        value: 1111,
        unit: 'vehicles',
        period: '2026-01',
        destination: 'MX',
        source: 'fx-older-2022',
      })}\n`,
      'companies.jsonl': `${JSON.stringify({ id: 'gamma-parts', name: 'Gamma Parts SA', companyType: 'supplier', sources: ['fx-older-2022'] })}\n`,
      'relationships.jsonl': `${JSON.stringify({ type: 'MEMBER_OF', from: 'gamma-parts', to: 'truckmakers', source: 'fx-older-2022', asOf: '2023' })}\n`,
    });
    try {
      const countsBefore = await counts(store);
      const summary = await importFiles(store, Object.values(files.paths));
      expect(changed(summary)).toEqual({
        Company: [0, 1, 0],
        Statistic: [0, 1, 0],
        relationships: [0, 1, 0],
      });
      const [statistic] = await findStatistics(store, {
        subjectIds: ['beta-motors'],
        metric: 'exports',
        destination: 'MX',
      });
      expect(statistic).toMatchObject({ value: 1111, sourceId: 'fx-older-2022' });
      expect(
        await findStatistics(store, { subjectIds: ['beta-motors'], metric: 'exports', destination: 'US' }),
      ).toEqual([]);
      // The old DESTINATION and STATED_IN links were replaced, not added to.
      expect(await counts(store)).toEqual(countsBefore);
      const older = await findMembers(store, ['truckmakers'], { sourceId: 'fx-older-2022' });
      expect(older.find((m) => m.member.id === 'gamma-parts')?.claims[0]?.asOf).toBe('2023');
    } finally {
      files.remove();
      await dispose();
    }
  });

  test('a dry run reports what would change and writes nothing', async () => {
    const { store, dispose } = await openLoadedStore();
    try {
      const before = await graphChecksum(store);
      const summary = await importFiles(store, [IMPORT_FIXTURES], { dryRun: true });
      expect(summary.dryRun).toBe(true);
      expect(changed(summary)).toMatchObject({
        Statistic: [11, 0, 0],
        Company: [3, 0, 0],
        relationships: [7, 0, 0],
      });
      expect((await graphChecksum(store)).checksum).toBe(before.checksum);
    } finally {
      await dispose();
    }
  });

  test('references may point to records later in the import', async () => {
    const { store, dispose } = await openLoadedStore();
    const files = writeFiles({
      'mixed.jsonl': [
        {
          kind: 'Statistic',
          id: 'omega-jobs-2026-fx',
          subject: 'omega-works',
          metric: 'employees',
          value: 12,
          unit: 'persons',
          period: '2026',
          source: 'fx-late-source',
        },
        { kind: 'Relationship', type: 'LOCATED_IN', from: 'omega-works', to: 'MX', source: 'fx-late-source' },
        { kind: 'Company', id: 'omega-works', name: 'Omega Works', sources: ['fx-late-source'] },
        {
          kind: 'Source',
          id: 'fx-late-source',
          title: 'A late source',
          publisher: 'Fixture Press',
          url: 'https://example.org/late',
          language: 'en',
        },
      ]
        .map((line) => JSON.stringify(line))
        .join('\n'),
    });
    try {
      const summary = await importFiles(store, [files.paths['mixed.jsonl'] as string], { batchSize: 1 });
      expect(changed(summary)).toEqual({
        Company: [1, 0, 0],
        Statistic: [1, 0, 0],
        Source: [1, 0, 0],
        relationships: [1, 0, 0],
      });
      const [jobs] = await findStatistics(store, { subjectIds: ['omega-works'], metric: 'employees' });
      expect(jobs?.sourceId).toBe('fx-late-source');
    } finally {
      files.remove();
      await dispose();
    }
  });

  test('exact repeats are written once, and counted', async () => {
    const { store, dispose } = await openLoadedStore();
    const lines = statisticLines(3, 'repeat');
    const files = writeFiles({ 'a.statistics.jsonl': lines, 'b.statistics.jsonl': lines });
    try {
      const summary = await importFiles(store, Object.values(files.paths));
      expect(summary.duplicates).toBe(3);
      expect(summary.nodes.Statistic.created).toBe(3);
    } finally {
      files.remove();
      await dispose();
    }
  });

  test('records checked in worker threads give the same graph and the same problems', async () => {
    const one = await openLoadedStore();
    const two = await openLoadedStore();
    const good = writeFiles({
      'statistics.jsonl': statisticLines(1500, 'threads'),
      'statistics.csv': `id,subject,metric,value,unit,period,source\n${Array.from(
        { length: 1500 },
        (_, i) => `csv-threads-${i},MX,exports,${i}.5,vehicles,2025-0${(i % 9) + 1},fx-report-2026`,
      ).join('\n')}\n`,
    });
    const bad = writeFiles({
      'statistics.jsonl': `${statisticLines(2000, 'bad-threads')}{"id":"x"}\n${statisticLines(2000, 'more-threads')}`,
      'companies.csv': 'id,name\nok-co,OK\nbad co,Bad\n',
    });
    try {
      const inline = await importFiles(one.store, [good.directory, IMPORT_FIXTURES], { workers: 0 });
      const threads = await importFiles(two.store, [good.directory, IMPORT_FIXTURES], {
        workers: 2,
        batchSize: 700,
      });
      expect(changed(threads)).toEqual(changed(inline));
      expect(threads.nodes.Statistic.created).toBe(3011);
      expect((await graphChecksum(two.store)).checksum).toBe((await graphChecksum(one.store)).checksum);
      const problems = async (workers: number): Promise<string> =>
        importFiles(one.store, [bad.directory], { workers }).then(
          () => 'accepted',
          (error: unknown) => (error instanceof Error ? error.message : String(error)),
        );
      const message = await problems(2);
      expect(message).toBe(await problems(0));
      expect(message).toMatch(/statistics\.jsonl:2001 record x field "subject"/);
      expect(message).toMatch(/companies\.csv:3 record bad co field "id"/);
    } finally {
      good.remove();
      bad.remove();
      await one.dispose();
      await two.dispose();
    }
    // Four imports, two of them bulk writes (a copy of the database each), and four worker pools.
  }, 120_000);

  test('a journaled import gives the same graph, and leaves no journal behind', async () => {
    const one = await openLoadedStore();
    const two = await openLoadedStore();
    try {
      await importFiles(one.store, [IMPORT_FIXTURES], { mode: 'transaction' });
      const summary = await importFiles(two.store, [IMPORT_FIXTURES], { mode: 'journal', batchSize: 4 });
      expect(summary.mode).toBe('journal');
      expect((await graphChecksum(two.store)).checksum).toBe((await graphChecksum(one.store)).checksum);
      expect(await two.store.read(listMeta, { keyPrefix: 'import:' })).toEqual([]);
    } finally {
      await one.dispose();
      await two.dispose();
    }
  });

  test('a journaled import that fails midway is undone, changed records restored', async () => {
    const { store, dispose } = await openLoadedStore();
    const files = writeFiles(CHANGES_AND_NEW);
    try {
      const before = await graphChecksum(store);
      // The fifth transaction (the journal's start, then batches) fails, as a lost connection would.
      const failing = failingAfter(store, 4, () => true);
      await expect(
        importFiles(failing, Object.values(files.paths), { mode: 'journal', batchSize: 7 }),
      ).rejects.toThrow('connection lost');
      expect((await graphChecksum(store)).checksum).toBe(before.checksum);
      expect(await unfinishedImports(store)).toEqual([]);
    } finally {
      files.remove();
      await dispose();
    }
  });

  test('a journaled import that cannot undo itself is rolled back later by its id', async () => {
    const { store, dispose } = await openLoadedStore();
    const files = writeFiles(CHANGES_AND_NEW);
    try {
      const before = await graphChecksum(store);
      // Everything after the fourth transaction fails, the import's own rollback included.
      const failing = failingAfter(store, 4, () => false);
      await expect(
        importFiles(failing, Object.values(files.paths), {
          mode: 'journal',
          batchSize: 7,
          importId: 'stuck',
        }),
      ).rejects.toThrow('run: tradegraph import --rollback stuck');
      expect((await graphChecksum(store)).checksum).not.toBe(before.checksum);
      const [stuck] = await unfinishedImports(store);
      expect(stuck).toMatchObject({ importId: 'stuck', state: 'running', batches: 3 });
      // A new journaled import refuses to start over an unfinished one.
      await expect(importFiles(store, [fixture('companies.csv')], { mode: 'journal' })).rejects.toThrow(
        'an earlier import did not finish (stuck)',
      );
      expect(await rollbackImport(store, 'stuck')).toBe(3);
      expect((await graphChecksum(store)).checksum).toBe(before.checksum);
      expect(await unfinishedImports(store)).toEqual([]);
    } finally {
      files.remove();
      await dispose();
    }
  });
});
