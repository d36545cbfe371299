import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { shownNode } from '../../src/cli/checks';
import { exportGraph } from '../../src/export/export';
import { graphChecksum } from '../../src/export/graph-checksum';
import { importFiles, type ImportOptions } from '../../src/import/import';
import { ValidationError } from '../../src/import/problems';
import { findFactConflicts } from '../../src/queries/conflicts';
import { findNodes } from '../../src/store/find-nodes';
import type { GraphStore } from '../../src/store/graph-store';
import { createTradeGraph, type TradeGraph } from '../../src/trade-graph';
import { openEmptyStore, openLoadedEngineStore, testEngines } from '../helpers/engines';
import { query } from '../helpers/graphs';
import { writeFiles } from '../helpers/import-files';
import { FIXTURE_DATASET } from '../helpers/stores';

jest.setTimeout(180_000);

/*
 * Dated facts carry their sources (issue 12): two sources' opening dates of one plant stand side
 * by side, on both engines, through import, the API, conflicts and the export's round trip.
 */
describe.each(testEngines())('Dated facts with their sources (%s)', (engine) => {
  let store: GraphStore;
  let graph: TradeGraph;
  let dispose: () => Promise<void>;

  beforeEach(async () => {
    const opened = await openLoadedEngineStore(engine, FIXTURE_DATASET);
    store = opened.store;
    dispose = opened.dispose;
    graph = await createTradeGraph({ store, dataDirectory: FIXTURE_DATASET });
  });
  afterEach(async () => {
    await dispose();
  });

  async function run(files: Record<string, string>, options: ImportOptions = {}) {
    const written = writeFiles(files);
    try {
      return await importFiles(store, Object.values(written.paths), options);
    } finally {
      written.remove();
    }
  }

  const plantLine = (opened: unknown): string =>
    JSON.stringify({ kind: 'Plant', id: 'alpha-saltillo-plant', opened });

  const openedOf = async (): Promise<unknown> =>
    (
      await query<{ plant: unknown }>(
        graph,
        '{ plant(id: "alpha-saltillo-plant") { opened openedFacts { value sourceId source { id } start end precision } } }',
      )
    ).plant;

  test('a record in the old form still loads: one date resting on the record’s own sources', async () => {
    const node = (await findNodes(store, ['alpha-saltillo-plant'])).get('alpha-saltillo-plant');
    expect(node?.properties).toMatchObject({ openedValues: ['2009-03'], openedSources: [''] });
    expect(await openedOf()).toEqual({
      opened: '2009-03',
      openedFacts: [
        {
          value: '2009-03',
          sourceId: null,
          source: null,
          start: '2009-03-01',
          end: '2009-03-31',
          precision: 'month',
        },
      ],
    });
  });

  test('a second source’s date is added beside the first; the same again changes nothing', async () => {
    const change = { 'change.jsonl': plantLine([{ value: '2010', source: 'fx-older-2022' }]) };
    const dry = await run(change, { dryRun: true });
    expect(dry.changes).toEqual([
      {
        kind: 'Plant',
        id: 'alpha-saltillo-plant',
        fields: [
          {
            field: 'opened',
            before: ['2009-03'],
            after: ['2009-03', '2010 (fx-older-2022)'],
            overwrites: false,
          },
        ],
      },
    ]);
    await run(change);
    expect(await openedOf()).toEqual({
      opened: '2009-03',
      openedFacts: [
        {
          value: '2009-03',
          sourceId: null,
          source: null,
          start: '2009-03-01',
          end: '2009-03-31',
          precision: 'month',
        },
        {
          value: '2010',
          sourceId: 'fx-older-2022',
          source: { id: 'fx-older-2022' },
          start: '2010-01-01',
          end: '2010-12-31',
          precision: 'year',
        },
      ],
    });
    const again = await run(change);
    expect(again.nodes.Plant).toEqual({ created: 0, updated: 0, unchanged: 1 });
    // `tradegraph show` gives the dates as a record does, not the stored lists.
    const shown = shownNode((await findNodes(store, ['alpha-saltillo-plant'])).get('alpha-saltillo-plant')!);
    expect(shown.opened).toEqual([{ value: '2009-03' }, { value: '2010', source: 'fx-older-2022' }]);
    expect(shown).not.toHaveProperty('openedValues');

    // A third source in CSV (`opened` and `openedSource`): added too, the others kept.
    await run({
      'more.plants.csv': 'id,opened,openedSource\nalpha-saltillo-plant,2008-11-02,fx-report-2026\n',
    });
    const node = (await findNodes(store, ['alpha-saltillo-plant'])).get('alpha-saltillo-plant');
    expect(node?.properties).toMatchObject({
      openedValues: ['2009-03', '2010', '2008-11-02'],
      openedSources: ['', 'fx-older-2022', 'fx-report-2026'],
      // The rest of the plant is as it was.
      name: 'Alpha Saltillo plant',
      products: ['tractors'],
    });
    expect(((await openedOf()) as { opened: string }).opened).toBe('2008-11-02');
  });

  test('a source’s new value replaces its own, marked as an overwrite; null clears every date', async () => {
    await run({ 'a.jsonl': plantLine([{ value: '2010', source: 'fx-older-2022' }]) });
    const corrected = await run({ 'b.jsonl': plantLine([{ value: '2010-06', source: 'fx-older-2022' }]) });
    expect(corrected.changes[0]?.fields).toEqual([
      {
        field: 'opened',
        before: ['2009-03', '2010 (fx-older-2022)'],
        after: ['2009-03', '2010-06 (fx-older-2022)'],
        overwrites: true,
      },
    ]);
    await run({ 'c.jsonl': plantLine(null) });
    expect(await openedOf()).toEqual({ opened: null, openedFacts: [] });
  });

  test('conflicts lists the two sources’ dates, API and query alike', async () => {
    await run({ 'a.jsonl': plantLine([{ value: '2010', source: 'fx-older-2022' }]) });
    const conflicts = await findFactConflicts(store);
    expect(conflicts.map((c) => [c.entity.id, c.field, c.a, c.b, c.kind])).toEqual([
      [
        'alpha-saltillo-plant',
        'opened',
        { value: '2009-03', source: null },
        { value: '2010', source: 'fx-older-2022' },
        'contradiction',
      ],
    ]);
    const data = await query<{ factConflicts: unknown[] }>(
      graph,
      '{ factConflicts(subjects: ["alpha-saltillo-plant"]) { entity { id } field kind a { value sourceId } b { value source { id } } } }',
    );
    expect(data.factConflicts).toEqual([
      {
        entity: { id: 'alpha-saltillo-plant' },
        field: 'opened',
        kind: 'CONTRADICTION',
        a: { value: '2009-03', sourceId: null },
        b: { value: '2010', source: { id: 'fx-older-2022' } },
      },
    ]);
    // A date within the other is the same fact stated more precisely.
    await run({ 'b.jsonl': plantLine([{ value: '2009-03-15', source: 'fx-report-2026' }]) });
    expect(
      (await findFactConflicts(store, { subjectIds: ['alpha-saltillo-plant'] })).map((c) => [
        c.a.value,
        c.b.value,
        c.kind,
      ]),
    ).toEqual([
      ['2009-03', '2010', 'contradiction'],
      ['2009-03', '2009-03-15', 'precision'],
      ['2010', '2009-03-15', 'contradiction'],
    ]);
  });

  test('a date’s source must be a Source; one source gives one value', async () => {
    await expect(
      run({ 'a.jsonl': plantLine([{ value: '2010', source: 'no-such-source' }]) }),
    ).rejects.toThrow(ValidationError);
    const twice = run({
      'b.jsonl': plantLine([
        { value: '2010', source: 'fx-older-2022' },
        { value: '2011', source: 'fx-older-2022' },
      ]),
    });
    await expect(twice).rejects.toThrow(/second value from fx-older-2022/);
  });

  test.each(['jsonl', 'csv'] as const)(
    'an export as %s, facts and all, imports into an empty store as the identical graph',
    async (format) => {
      await run({ 'a.jsonl': plantLine([{ value: '2010', source: 'fx-older-2022' }]) });
      const before = await graphChecksum(store);
      const directory = mkdtempSync(path.join(os.tmpdir(), 'tradegraph-facts-'));
      try {
        const target = path.join(directory, format === 'jsonl' ? 'graph.jsonl' : 'graph');
        await exportGraph(store, target, { format });
        await dispose();
        const empty = await openEmptyStore(engine);
        store = empty.store;
        dispose = empty.dispose;
        await importFiles(store, [target]);
        expect(await graphChecksum(store)).toEqual(before);
      } finally {
        rmSync(directory, { recursive: true, force: true });
      }
    },
  );
});
