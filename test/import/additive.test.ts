import { importFiles, type ImportOptions } from '../../src/import/import';
import { ValidationError } from '../../src/import/problems';
import { findNodes } from '../../src/store/find-nodes';
import type { GraphStore } from '../../src/store/graph-store';
import { openLoadedEngineStore, testEngines } from '../helpers/engines';
import { writeFiles } from '../helpers/import-files';
import { FIXTURE_DATASET } from '../helpers/stores';

jest.setTimeout(180_000);

describe.each(testEngines())('Imports add, and lose nothing (%s)', (engine) => {
  let store: GraphStore;
  let dispose: () => Promise<void>;

  beforeEach(async () => {
    const opened = await openLoadedEngineStore(engine, FIXTURE_DATASET);
    store = opened.store;
    dispose = opened.dispose;
  });
  afterEach(async () => {
    await dispose();
  });

  const properties = async (id: string): Promise<Record<string, unknown>> =>
    (await findNodes(store, [id])).get(id)?.properties ?? {};

  async function run(files: Record<string, string>, options: ImportOptions = {}) {
    const written = writeFiles(files);
    try {
      return await importFiles(store, Object.values(written.paths), options);
    } catch (error) {
      return error as Error;
    } finally {
      written.remove();
    }
  }

  test('a record changes only the fields it gives; lists are merged; the preview lists each field', async () => {
    const before = await properties('beta-motors');
    const change = {
      'change.jsonl': [
        JSON.stringify({ kind: 'Company', id: 'beta-motors', aliases: ['Beta'], sources: ['fx-older-2022'] }),
      ].join('\n'),
    };
    const dry = await run(change, { dryRun: true });
    if (dry instanceof Error) throw dry;
    expect(dry.nodes.Company).toEqual({ created: 0, updated: 1, unchanged: 0 });
    expect(dry.overwrites).toBe(0);
    expect(dry.changes).toEqual([
      {
        kind: 'Company',
        id: 'beta-motors',
        fields: [
          { field: 'aliases', before: ['Béta'], after: ['Béta', 'Beta'], overwrites: false },
          {
            field: 'sources',
            before: ['fx-report-2026'],
            after: ['fx-report-2026', 'fx-older-2022'],
            overwrites: false,
          },
        ],
      },
    ]);
    expect(await properties('beta-motors')).toEqual(before);

    const applied = await run(change);
    if (applied instanceof Error) throw applied;
    const after = await properties('beta-motors');
    expect(after).toMatchObject({
      name: 'Beta Motors',
      companyType: 'manufacturer',
      aliases: ['Béta', 'Beta'],
      sources: ['fx-report-2026', 'fx-older-2022'],
    });
    expect(String(after.searchText)).toContain('|beta|');
    // The same change again changes nothing.
    const again = await run(change);
    if (again instanceof Error) throw again;
    expect(again.nodes.Company).toEqual({ created: 0, updated: 0, unchanged: 1 });
    expect(again.changes).toEqual([]);
  });

  test('a CSV of only ids and new aliases amends; a field set to null is cleared on purpose', async () => {
    const csv = await run({ 'companies.csv': 'id,aliases\nalpha-trucks,Alpha|AT\n' });
    if (csv instanceof Error) throw csv;
    expect(await properties('alpha-trucks')).toMatchObject({
      name: 'Alpha Trucks',
      aliases: ['Alpha', 'AT'],
      sources: ['fx-report-2026'],
    });
    const cleared = await run({
      'change.jsonl': JSON.stringify({
        kind: 'Company',
        id: 'alpha-trucks',
        aliases: null,
        description: 'Trucks.',
      }),
    });
    if (cleared instanceof Error) throw cleared;
    expect(cleared.changes[0]?.fields).toEqual([
      { field: 'aliases', before: ['Alpha', 'AT'], after: [], overwrites: true },
      { field: 'description', before: null, after: 'Trucks.', overwrites: false },
    ]);
    expect(await properties('alpha-trucks')).toMatchObject({
      aliases: [],
      description: 'Trucks.',
      name: 'Alpha Trucks',
    });
  });

  test('replacing a stored value is marked; replaceEntities states the whole entity', async () => {
    const renamed = await run(
      { 'change.jsonl': JSON.stringify({ kind: 'Company', id: 'beta-motors', name: 'Beta Motor Co' }) },
      { dryRun: true },
    );
    if (renamed instanceof Error) throw renamed;
    expect(renamed.overwrites).toBe(1);
    expect(renamed.changes[0]?.fields).toEqual([
      { field: 'name', before: 'Beta Motors', after: 'Beta Motor Co', overwrites: true },
    ]);

    const whole = await run(
      { 'companies.csv': 'id,name,companyType\nbeta-motors,Beta Motors,manufacturer\n' },
      { replaceEntities: true },
    );
    if (whole instanceof Error) throw whole;
    expect(whole.changes[0]?.fields.map((field) => [field.field, field.overwrites])).toEqual([
      ['aliases', true],
      ['sources', true],
    ]);
    expect(await properties('beta-motors')).toMatchObject({ aliases: [], sources: [] });
  });

  test('an amendment of an id the graph lacks, or a cleared required field, is refused; nothing written', async () => {
    const before = await properties('beta-motors');
    const refused = await run({
      'change.jsonl': [
        JSON.stringify({ kind: 'Company', id: 'beta-motor', aliases: ['Beta'] }),
        JSON.stringify({ kind: 'Company', id: 'beta-motors', name: null }),
      ].join('\n'),
    });
    expect(refused).toBeInstanceOf(ValidationError);
    const problems = (refused as ValidationError).problems.map((problem) => [
      problem.record,
      problem.field,
      problem.message,
    ]);
    expect(problems).toEqual([
      [
        'beta-motor',
        'id',
        expect.stringContaining(
          '"beta-motor" is not in the graph, and a new Company needs every required field',
        ),
      ],
      ['beta-motors', 'name', 'cannot be cleared (null): a Company always has it'],
    ]);
    expect(await properties('beta-motors')).toEqual(before);
  });

  test('several files are one change: statistics may come before their source; a missing id says where it is missing', async () => {
    const statistic = {
      kind: 'Statistic',
      id: 'beta-exports-2026-02',
      subject: 'beta-motors',
      metric: 'exports',
      value: 120,
      unit: 'vehicles',
      period: '2026-02',
      source: 'fx-new-2026',
    };
    const source = {
      kind: 'Source',
      id: 'fx-new-2026',
      title: 'A new report',
      publisher: 'Example',
      url: 'https://example.com/new',
      language: 'en',
    };
    // The figures' file first, the source in another file of the same change.
    const together = await run({
      'a-figures.jsonl': JSON.stringify(statistic),
      'b-sources.jsonl': JSON.stringify(source),
    });
    if (together instanceof Error) throw together;
    expect(together.nodes.Statistic.created).toBe(1);
    expect(together.nodes.Source.created).toBe(1);

    const missing = await run({
      'a-figures.jsonl': JSON.stringify({ ...statistic, id: 'x-1', source: 'fx-nowhere' }),
    });
    expect(missing).toBeInstanceOf(ValidationError);
    expect((missing as ValidationError).problems[0]?.message).toBe(
      'refers to "fx-nowhere", which is neither in this change (its 1 file) nor in the graph: add a Source record with id "fx-nowhere" ' +
        'to the change (a sources.csv or sources.jsonl file, or a line {"kind": "Source", "id": "fx-nowhere", …} in a JSON Lines file), or correct the id',
    );
  });
});
