import { graphChecksum } from '../../src/export/graph-checksum';
import { importFiles, type ImportOptions, type ImportSummary } from '../../src/import/import';
import { findNodes } from '../../src/store/find-nodes';
import type { GraphStore } from '../../src/store/graph-store';
import { openLoadedEngineStore, testEngines, type EngineName } from '../helpers/engines';
import { writeFiles } from '../helpers/import-files';

jest.setTimeout(300_000);

/*
 * `sameAs` end to end: a new record of a plant the graph has (a second "Alpha Saltillo plant", as a
 * new Daimay plant record would be of Daimay's plant) merged into the stored one, with the claims
 * and statistics of the same change that use its new id. The graph after it must be, checksum for
 * checksum, the graph after the same change written with the existing id throughout.
 */

const NEW = 'alpha-saltillo-2';
/** Another record of the same plant, in a file of plants. */
const OTHER = 'alpha-saltillo-3';
const EXISTING = 'alpha-saltillo-plant';
const SOURCE = 'fx-older-2022';

const lines = (records: readonly object[]): string => `${records.map((r) => JSON.stringify(r)).join('\n')}\n`;

/** The change: `id` is the plant's id everywhere; `sameAs` given only when it is the new id. */
function change(id: string): Record<string, string> {
  const plant = {
    kind: 'Plant',
    id,
    ...(id === NEW ? { sameAs: EXISTING } : {}),
    name: 'Alpha Saltillo plant',
    aliases: ['Planta Alpha Saltillo'],
    facilityType: 'plant',
    products: ['trucks'],
    sources: [SOURCE],
  };
  const statistic = (n: number, metric: string, unit: string, value: number, period: string) => ({
    id: `alpha-saltillo-${metric}-${period}-${n}`,
    subject: id,
    metric,
    value,
    unit,
    period,
    source: SOURCE,
  });
  return {
    // Read before change.jsonl (files named for a kind come first): a reference ahead to the new id.
    'early.statistics.jsonl': lines([statistic(0, 'capacity', 'vehicles/year', 20_000, '2025')]),
    'change.jsonl': lines([
      { kind: 'Relationship', type: 'OPERATES', from: 'alpha-trucks', to: id, source: SOURCE, asOf: '2022' },
      plant,
      { kind: 'Relationship', type: 'LOCATED_IN', from: id, to: 'MX-COA-saltillo', source: SOURCE },
      { kind: 'Statistic', ...statistic(1, 'employees', 'persons', 900, '2025') },
    ]),
  };
}

/** Many statistics of the new id after its record: the way of whole blocks (staged COPY files, packed inserts). */
function bulkChange(id: string): Record<string, string> {
  const plant = { kind: 'Plant', id, ...(id === OTHER ? { sameAs: EXISTING } : {}), aliases: ['AS2'] };
  const statistics = Array.from({ length: 300 }, (_, i) => ({
    id: `alpha-saltillo-production-${i}`,
    subject: id,
    metric: 'production',
    value: 1000 + i,
    unit: 'vehicles',
    period: `${2000 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`,
    ...(i % 2 === 0 ? { destination: 'US' } : {}),
    source: SOURCE,
  }));
  return { 'new.plants.jsonl': lines([plant]), 'many.statistics.jsonl': lines(statistics) };
}

async function withStore<T>(engine: EngineName, work: (store: GraphStore) => Promise<T>): Promise<T> {
  const { store, dispose } = await openLoadedEngineStore(engine);
  try {
    return await work(store);
  } finally {
    await dispose();
  }
}

async function run(store: GraphStore, files: Record<string, string>, options: ImportOptions = {}) {
  const written = writeFiles(files);
  try {
    return await importFiles(store, Object.values(written.paths), options);
  } finally {
    written.remove();
  }
}

const created = (summary: ImportSummary) => ({
  plants: summary.nodes.Plant,
  statistics: summary.nodes.Statistic,
  relationships: summary.relationships,
});

describe.each(testEngines())('sameAs: a record merged into the node it names (%s)', (engine) => {
  test('a new plant record merged into the stored plant, with its claims and statistics, forward references too', async () => {
    // What the change gives when it names the existing plant throughout: the graph to arrive at.
    const expected = await withStore(engine, async (store) => {
      const summary = await run(store, change(EXISTING));
      return { checksum: await graphChecksum(store), counts: created(summary) };
    });

    await withStore(engine, async (store) => {
      const before = await graphChecksum(store);
      const dry = await run(store, change(NEW), { dryRun: true });
      // The preview: the merge, the fields it adds, the counts, and no duplicate flag for the merged record.
      expect(dry.merges).toEqual([
        { kind: 'Plant', id: NEW, into: EXISTING, file: expect.stringContaining('change.jsonl'), line: 2 },
      ]);
      expect(dry.changes).toEqual([
        {
          kind: 'Plant',
          id: EXISTING,
          mergedFrom: NEW,
          fields: [
            { field: 'aliases', before: [], after: ['Planta Alpha Saltillo'], overwrites: false },
            {
              field: 'sources',
              before: ['fx-report-2026'],
              after: ['fx-report-2026', SOURCE],
              overwrites: false,
            },
            { field: 'products', before: ['tractors'], after: ['tractors', 'trucks'], overwrites: false },
          ],
        },
      ]);
      expect(dry.overwrites).toBe(0);
      expect(dry.possibleDuplicates).toEqual([]);
      expect(created(dry)).toEqual(expected.counts);
      expect(created(dry)).toEqual({
        plants: { created: 0, updated: 1, unchanged: 0 },
        statistics: { created: 2, updated: 0, unchanged: 0 },
        relationships: { created: 2, updated: 0, unchanged: 0 },
      });
      expect(await graphChecksum(store)).toEqual(before);

      const applied = await run(store, change(NEW));
      expect(created(applied)).toEqual(expected.counts);
      expect(applied.merges).toHaveLength(1);
      const after = await graphChecksum(store);
      expect(after).toEqual(expected.checksum);
      expect(after.nodes.Plant).toBe(before.nodes.Plant);
      expect(after.nodes.Statistic).toBe(before.nodes.Statistic + 2);
      expect((await findNodes(store, [NEW])).size).toBe(0);

      // Idempotent: the same change again changes nothing.
      const again = await run(store, change(NEW));
      expect(again.nodes.Plant).toEqual({ created: 0, updated: 0, unchanged: 1 });
      expect(again.relationships).toEqual({ created: 0, updated: 0, unchanged: 2 });
      expect(await graphChecksum(store)).toEqual(expected.checksum);
    });
  });

  test('a file of statistics naming the new id, after its record, goes to the existing node', async () => {
    const expected = await withStore(engine, async (store) => {
      await run(store, bulkChange(EXISTING));
      return graphChecksum(store);
    });
    await withStore(engine, async (store) => {
      const applied = await run(store, bulkChange(OTHER));
      expect(applied.nodes.Statistic.created).toBe(300);
      expect(applied.merges.map((merge) => [merge.id, merge.into])).toEqual([[OTHER, EXISTING]]);
      expect(await graphChecksum(store)).toEqual(expected);
    });
  });
});

describe('sameAs: every way of writing an import (embedded)', () => {
  test.each<[string, ImportOptions]>([
    ['bulk write, staged COPY files', {}],
    ['in place, packed inserts', { bulkAboveBytes: Number.MAX_SAFE_INTEGER }],
    ['journaled batches of 50', { mode: 'journal', batchSize: 50 }],
    ['one record at a time', { batchSize: 1, workers: 0 }],
  ])('%s', async (_name, options) => {
    // The file of plants is read first, so its record is merged first: the same as two imports in that order.
    const expected = await withStore('embedded', async (store) => {
      await run(store, bulkChange(EXISTING), options);
      await run(store, change(EXISTING), options);
      return graphChecksum(store);
    });
    await withStore('embedded', async (store) => {
      const applied = await run(store, { ...change(NEW), ...bulkChange(OTHER) }, options);
      // Two sameAs records name the same plant: both are merged into it, one after the other.
      expect(applied.merges.map((merge) => [merge.id, merge.into])).toEqual([
        [OTHER, EXISTING],
        [NEW, EXISTING],
      ]);
      expect(applied.changes.map((each) => each.mergedFrom)).toEqual([OTHER, NEW]);
      expect(await graphChecksum(store)).toEqual(expected);
    });
  });
});
