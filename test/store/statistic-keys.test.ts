import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateDataset } from '../../src/generate';
import { loadDataset } from '../../src/import/dataset';
import { importFiles } from '../../src/import/import';
import { TABLE_REBUILD_SHARE, keyTableSteps, statisticTableSteps } from '../../src/import/staging';
import { copyStatistics, countNodes, countRelationships } from '../../src/store/catalog';
import { rollbackImport, unfinishedImports } from '../../src/import/journal';
import { writeDataset } from '../../src/import/write-dataset';
import { rank, type RankingReads, storeRankingReads } from '../../src/queries/ranking';
import { findStatistics } from '../../src/queries/statistics';
import type { NodeKind } from '../../src/domain/kinds';
import { parsePeriod } from '../../src/domain/period';
import type { GraphStore } from '../../src/store/graph-store';
import { clearStatisticKeys, listStatisticKeys } from '../../src/store/statistic-key-statements';
import { ensureStatisticKeys, statisticKeyProblems } from '../../src/store/statistic-keys';
import { openLoadedEngineStore, testEngines, type OpenedStore } from '../helpers/engines';
import { TINY_SIZES } from '../helpers/generated';
import { writeFiles } from '../helpers/import-files';

const CURATED = path.join(__dirname, '..', '..', 'data');

/*
 * The statistic keys (src/store/statistic-keys.ts) list exactly the stored statistics of each
 * subject, metric and span of days, after every kind of write, on both engines; and rankings read
 * through them answer what the walk over the subjects' statistics answered before them.
 */

type Json = Record<string, unknown>;

/** Every stored key with its statistics, to compare a graph's keys before and after. */
async function allKeys(store: GraphStore): Promise<string[]> {
  const rows = await store.read(listStatisticKeys, { after: '', limit: 1_000_000 });
  return rows.map((row) => `${row.key}=${[...row.ids].sort().join(',')}`);
}

/** The reads rankings made before the keys: the subjects' statistics within the period, then that exact span. */
function walkingReads(store: GraphStore): RankingReads {
  const direct = storeRankingReads(store);
  return {
    relations: direct.relations,
    async statistics(subjects, filter) {
      const span = parsePeriod(filter.period);
      if (typeof span === 'string') throw new RangeError(span);
      const byKind = new Map<NodeKind | undefined, string[]>();
      for (const { id, kind } of subjects) byKind.set(kind, [...(byKind.get(kind) ?? []), id]);
      const lists = await Promise.all(
        [...byKind].map(([kind, subjectIds]) =>
          findStatistics(
            store,
            { subjectIds, within: filter.period, ...(filter.metric ? { metric: filter.metric } : {}) },
            kind,
          ),
        ),
      );
      return lists.flat().filter((s) => s.periodStart === span.start && s.periodEnd === span.end);
    },
  };
}

/**
 * A store whose transactions fail after the first `allowed` (a fault in front of the database, as
 * in test/import/import.test.ts): only the next one, or (`recovers` false) every later one too.
 */
function failingAfter(store: GraphStore, allowed: number, recovers = true): GraphStore {
  let calls = 0;
  return {
    engine: store.engine,
    read: (statement, params) => store.read(statement, params),
    transaction: (work, options) => {
      calls += 1;
      return calls === allowed + 1 || (!recovers && calls > allowed)
        ? Promise.reject(new Error('connection lost'))
        : store.transaction(work, options);
    },
    health: () => store.health(),
    close: () => store.close(),
  };
}

describe.each(testEngines())('statistic keys (%s)', (engine) => {
  let opened: OpenedStore;
  let store: GraphStore;
  let statisticsFile: string;
  let associations: string[];
  let periods: string[];
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'tradegraph-keys-'));

  beforeAll(async () => {
    // The curated dataset first, as every store gets it: the generated records refer to its countries.
    opened = await openLoadedEngineStore(engine, CURATED);
    store = opened.store;
    expect(await statisticKeyProblems(store)).toEqual([]);
    const summary = await generateDataset({ scale: 'S', seed: 5, outDir: scratch, sizes: TINY_SIZES });
    await importFiles(store, summary.files);
    statisticsFile = summary.files.find((file) => file.endsWith('statistics.jsonl')) as string;
    const records = (file: string): Json[] =>
      readFileSync(file, 'utf8')
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => JSON.parse(line) as Json);
    associations = records(summary.files.find((f) => f.endsWith('associations.jsonl')) as string).map((r) =>
      String(r.id),
    );
    const exportsPeriods = records(statisticsFile)
      .filter((s) => s.metric === 'exports')
      .map((s) => String(s.period));
    periods = [...new Set(exportsPeriods)].sort().slice(-4);
  }, 600_000);
  afterAll(async () => {
    await opened?.dispose();
    rmSync(scratch, { recursive: true, force: true });
  });

  test('after a dataset load and an import, every statistic is listed by its key and no key by another', async () => {
    expect(await statisticKeyProblems(store)).toEqual([]);
    expect((await allKeys(store)).length).toBeGreaterThan(100);
  });

  test('rankings through the keys answer what the walk over the members’ statistics answers', async () => {
    let rows = 0;
    for (const membersOf of associations) {
      for (const period of periods) {
        for (const destination of [undefined, 'US']) {
          const query = { membersOf, metric: 'exports', period, ...(destination ? { destination } : {}) };
          const keyed = await rank(store, query);
          expect(keyed).toEqual(await rank(store, query, walkingReads(store)));
          rows += keyed.rows.length;
        }
      }
    }
    expect(rows).toBeGreaterThan(0);
  });

  test('changed and new statistics move between keys; a failed journaled import leaves the keys as before', async () => {
    const before = await allKeys(store);
    const stored = readFileSync(statisticsFile, 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .slice(0, 6)
      .map((line) => JSON.parse(line) as Json);
    // Two statistics move to another month, one to another metric, and two are new.
    const changed = [
      { ...stored[0], period: '2001-02' },
      { ...stored[1], period: '2001-03' },
      { ...stored[2], metric: 'imports' },
      { ...stored[3], id: `${String(stored[3]?.id)}-new`, period: '2001-02' },
      { ...stored[4], id: `${String(stored[4]?.id)}-new` },
    ];
    const files = writeFiles({ 'statistics.jsonl': `${changed.map((s) => JSON.stringify(s)).join('\n')}\n` });
    try {
      // Journaled, two records a batch, and the third transaction (the second batch) fails: undone.
      await expect(
        importFiles(failingAfter(store, 2), [files.paths['statistics.jsonl'] as string], {
          mode: 'journal',
          batchSize: 2,
        }),
      ).rejects.toThrow('connection lost');
      expect(await unfinishedImports(store)).toEqual([]);
      expect(await allKeys(store)).toEqual(before);
      // Written whole (each engine's default mode), then checked.
      await importFiles(store, [files.paths['statistics.jsonl'] as string]);
      expect(await statisticKeyProblems(store)).toEqual([]);
      expect(await allKeys(store)).not.toEqual(before);
      // Journaled and rolled back by its id once written: the keys as before it.
      const journaled = writeFiles({
        'statistics.jsonl': `${stored
          .slice(0, 3)
          .map((s) => JSON.stringify(s))
          .join('\n')}\n`,
      });
      try {
        const after = await allKeys(store);
        // Everything after the second transaction fails, the import's own rollback included.
        await expect(
          importFiles(failingAfter(store, 2, false), [journaled.paths['statistics.jsonl'] as string], {
            mode: 'journal',
            batchSize: 1,
            importId: 'keys-stuck',
          }),
        ).rejects.toThrow('run: tradegraph import --rollback keys-stuck');
        expect(await statisticKeyProblems(store)).toEqual([]);
        expect(await allKeys(store)).not.toEqual(after);
        expect(await rollbackImport(store, 'keys-stuck')).toBeGreaterThan(0);
        expect(await statisticKeyProblems(store)).toEqual([]);
        expect(await allKeys(store)).toEqual(after);
      } finally {
        journaled.remove();
      }
    } finally {
      files.remove();
    }
  });

  test('new statistics written in place (packed statements) are keyed too', async () => {
    const files = writeFiles({
      'statistics.jsonl': `${readFileSync(statisticsFile, 'utf8')
        .split('\n')
        .filter((line) => line.trim() !== '')
        .slice(10, 40)
        .map((line) => {
          const s = JSON.parse(line) as Json;
          return JSON.stringify({ ...s, id: `${String(s.id)}-inplace` });
        })
        .join('\n')}\n`,
    });
    try {
      await importFiles(store, [files.paths['statistics.jsonl'] as string], { bulkAboveBytes: 1e12 });
      expect(await statisticKeyProblems(store)).toEqual([]);
    } finally {
      files.remove();
    }
  });

  test('an import with many keys new to the store builds the key table again and keeps every key', async () => {
    const before = await allKeys(store);
    const records = readFileSync(statisticsFile, 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as Json);
    const decadeLater = (label: string): string =>
      label.replace(/\d{4}/g, (year) => String(Number(year) + 10));
    // The same figures ten years on (every key new), and a few more for spans already keyed (their
    // keys gain an id).
    const lines = [
      ...records.map((s) => ({ ...s, id: `${String(s.id)}-decade`, period: decadeLater(String(s.period)) })),
      ...records.slice(0, 20).map((s) => ({ ...s, id: `${String(s.id)}-again` })),
    ].map((s) => JSON.stringify({ ...s, changeComparedTo: undefined }));
    const counts = async (): Promise<{ statistics: number; links: Record<string, number> }> => ({
      statistics:
        (await store.read(countNodes, {})).find((row) => row.kind === 'Statistic')?.count ?? Number.NaN,
      links: Object.fromEntries(
        (await store.read(countRelationships, {})).map((row) => [row.type, row.count]),
      ),
    });
    const stored = await counts();
    const files = writeFiles({ 'statistics.jsonl': `${lines.join('\n')}\n` });
    try {
      await importFiles(store, [files.paths['statistics.jsonl'] as string]);
    } finally {
      files.remove();
    }
    // Every statistic and link kept, and the new ones added: on the embedded engine, through the
    // Statistic table built again (as many new statistics as that takes).
    expect(lines.length).toBeGreaterThanOrEqual(stored.statistics * TABLE_REBUILD_SHARE);
    expect(statisticTableSteps(stored.statistics, lines.length, [copyStatistics]).length).toBeGreaterThan(1);
    const now = await counts();
    expect(now.statistics).toBe(stored.statistics + lines.length);
    expect(now.links.MEASURES).toBe((stored.links.MEASURES ?? 0) + lines.length);
    expect(now.links.STATED_IN).toBe((stored.links.STATED_IN ?? 0) + lines.length);
    for (const [type, count] of Object.entries(stored.links))
      expect(now.links[type]).toBeGreaterThanOrEqual(count);
    expect(await statisticKeyProblems(store)).toEqual([]);
    const after = await allKeys(store);
    const idsOf = (entries: string[]): Map<string, string[]> =>
      new Map(
        entries.map((entry) => [entry.split('=')[0] as string, (entry.split('=')[1] ?? '').split(',')]),
      );
    const [was, is] = [idsOf(before), idsOf(after)];
    // As many new keys as the rebuild needs (on the embedded engine; Neo4j's journaled import appends).
    expect(is.size - was.size).toBeGreaterThanOrEqual(was.size * TABLE_REBUILD_SHARE);
    expect(keyTableSteps(was.size, is.size - was.size)).toHaveLength(5);
    for (const [key, ids] of was) expect(is.get(key)).toEqual(expect.arrayContaining(ids));
    const gained = records.slice(0, 20).map((s) => `${String(s.id)}-again`);
    expect([...is.values()].flat()).toEqual(expect.arrayContaining(gained));
    // Rankings still read the right figures through the rebuilt keys.
    const query = { membersOf: associations[0] as string, metric: 'exports', period: periods[0] as string };
    expect(await rank(store, query)).toEqual(await rank(store, query, walkingReads(store)));
  });

  test('a store made before the keys gets them when opened; reloading the dataset keeps them', async () => {
    const before = await allKeys(store);
    await store.transaction((tx) => tx.run(clearStatisticKeys, {}));
    expect(await allKeys(store)).toEqual([]);
    expect(await ensureStatisticKeys(store)).toBe(true);
    expect(await allKeys(store)).toEqual(before);
    expect(await ensureStatisticKeys(store)).toBe(false);
    await writeDataset(store, loadDataset(CURATED));
    expect(await statisticKeyProblems(store)).toEqual([]);
    expect(await allKeys(store)).toEqual(before);
  });
});

describe('statistic key table', () => {
  test('the Statistic table is loaded as it is, unless the new statistics are many against the stored ones', () => {
    const loads = [copyStatistics];
    expect(statisticTableSteps(0, 500_000, loads)).toEqual(loads);
    expect(statisticTableSteps(400_000, 11_000, loads)).toEqual(loads);
    const rebuilt = statisticTableSteps(11_000, 382_000, loads).map((s) => s.name);
    expect(rebuilt[0]).toBe('set-aside-statistics');
    expect(rebuilt.slice(-1)).toEqual(['drop-set-aside-statistics']);
    expect(rebuilt.indexOf('copy-statistics')).toBe(rebuilt.indexOf('copy-set-aside-statistics') - 1);
    expect(rebuilt.indexOf('copy-statistics')).toBeGreaterThan(rebuilt.indexOf('create-statistic-table'));
  });

  test('the key table is appended to, unless the new keys are many against the stored ones', () => {
    expect(keyTableSteps(0, 500_000).map((s) => s.name)).toEqual(['copy-statistic-keys']);
    expect(keyTableSteps(400_000, 11_000).map((s) => s.name)).toEqual(['copy-statistic-keys']);
    expect(keyTableSteps(11_000, 382_000).map((s) => s.name)).toEqual([
      'set-aside-statistic-keys',
      'create-statistic-key-table',
      'copy-statistic-keys',
      'copy-set-aside-statistic-keys',
      'drop-set-aside-statistic-keys',
    ]);
  });
});
