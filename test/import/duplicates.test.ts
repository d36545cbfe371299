import { importFiles } from '../../src/import/import';
import type { GraphStore } from '../../src/store/graph-store';
import { openLoadedEngineStore, testEngines } from '../helpers/engines';
import { writeFiles } from '../helpers/import-files';
import { FIXTURE_DATASET } from '../helpers/stores';

jest.setTimeout(180_000);

describe.each(testEngines())('Possible duplicates flagged before they are written (%s)', (engine) => {
  let store: GraphStore;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    const opened = await openLoadedEngineStore(engine, FIXTURE_DATASET);
    store = opened.store;
    dispose = opened.dispose;
  });
  afterAll(async () => {
    await dispose();
  });

  async function dryRun(lines: Record<string, unknown>[]) {
    const written = writeFiles({
      'change.jsonl': `${lines.map((line) => JSON.stringify(line)).join('\n')}\n`,
    });
    try {
      return await importFiles(store, [written.paths['change.jsonl'] as string], { dryRun: true });
    } finally {
      written.remove();
    }
  }

  const source = 'fx-report-2026';

  test('a new entity with the folded name or an alias of a stored one of its kind is reported with the match', async () => {
    const summary = await dryRun([
      {
        kind: 'Company',
        id: 'alpha-trucks-mx',
        name: 'ALPHA  Trucks',
        companyType: 'manufacturer',
        sources: [source],
      },
      {
        kind: 'Company',
        id: 'beta-2',
        name: 'Beta Two',
        aliases: ['beta'],
        companyType: 'supplier',
        sources: [source],
      },
      { kind: 'Company', id: 'new-co', name: 'Entirely New', companyType: 'supplier', sources: [source] },
      // Same name, another kind: not a duplicate.
      { kind: 'Association', id: 'alpha-assoc', name: 'Alpha Trucks', sources: [source] },
    ]);
    expect(summary.nodes.Company.created).toBe(3);
    expect(summary.possibleDuplicates).toEqual([
      {
        kind: 'Company',
        id: 'alpha-trucks-mx',
        file: expect.stringContaining('change.jsonl'),
        line: 1,
        matches: [{ id: 'alpha-trucks', name: 'Alpha Trucks', on: 'alpha trucks' }],
        hint:
          'if alpha-trucks-mx is alpha-trucks, add "sameAs": "alpha-trucks" to its record (in CSV, a sameAs column): ' +
          'it is then merged into alpha-trucks (only the fields it gives change, lists are merged) and ' +
          'alpha-trucks-mx is never created; the change\'s other records may keep using "alpha-trucks-mx"',
      },
      expect.objectContaining({
        id: 'beta-2',
        matches: [{ id: 'beta-motors', name: 'Beta Motors', on: 'beta' }],
      }),
    ]);
  });

  test('a large change (its names read against each kind once) flags what a small one (a search per name) flags', async () => {
    const suspects = [
      { kind: 'Company', id: 'alpha-trucks-mx', name: 'ALPHA  Trucks', companyType: 'manufacturer' },
      { kind: 'Company', id: 'beta-2', name: 'Beta Two', aliases: ['beta'], companyType: 'supplier' },
      { kind: 'Association', id: 'alpha-assoc', name: 'Alpha Trucks' },
      { kind: 'Plant', id: 'alpha-unplaced', name: 'Alpha Saltillo Plant', facilityType: 'plant' },
    ].map((record) => ({ ...record, sources: [source] }));
    // 60 more new companies with names of their own: past the 50 names asked one by one.
    const filler = Array.from({ length: 60 }, (_, i) => ({
      kind: 'Company',
      id: `filler-${i}`,
      name: `Filler Company ${i}`,
      companyType: 'supplier',
      sources: [source],
    }));
    const flags = (summary: Awaited<ReturnType<typeof dryRun>>) =>
      summary.possibleDuplicates.map(({ id, matches, hint }) => ({ id, matches, hint }));
    const small = flags(await dryRun(suspects));
    expect(small.map((flag) => flag.id)).toEqual(['alpha-trucks-mx', 'beta-2', 'alpha-unplaced']);
    expect(flags(await dryRun([...suspects, ...filler]))).toEqual(small);
  });

  test('a plant is flagged only in the place of the stored one, or when no place is stated', async () => {
    const plant = (id: string) => ({
      kind: 'Plant',
      id,
      name: 'Alpha Saltillo Plant',
      facilityType: 'plant',
      sources: [source],
    });
    const located = (id: string, to: string) => ({
      kind: 'Relationship',
      type: 'LOCATED_IN',
      from: id,
      to,
      source,
    });
    const summary = await dryRun([
      plant('alpha-saltillo-2'),
      located('alpha-saltillo-2', 'MX-COA-saltillo'),
      plant('alpha-elsewhere'),
      located('alpha-elsewhere', 'MX-COA'),
      plant('alpha-unplaced'),
    ]);
    expect(
      summary.possibleDuplicates.map((duplicate) => [
        duplicate.id,
        duplicate.matches.map((match) => match.id),
      ]),
    ).toEqual([
      ['alpha-saltillo-2', ['alpha-saltillo-plant']],
      ['alpha-unplaced', ['alpha-saltillo-plant']],
    ]);
  });

  test('following the hint: a record with sameAs is merged, not flagged, and its claim is read as the stored plant’s', async () => {
    const summary = await dryRun([
      {
        kind: 'Plant',
        id: 'alpha-saltillo-2',
        sameAs: 'alpha-saltillo-plant',
        name: 'Alpha Saltillo Plant',
        facilityType: 'plant',
        sources: [source],
      },
      { kind: 'Relationship', type: 'LOCATED_IN', from: 'alpha-saltillo-2', to: 'MX-COA-saltillo', source },
      // Another new plant of the same name, without sameAs, is still flagged.
      {
        kind: 'Plant',
        id: 'alpha-saltillo-4',
        name: 'Alpha Saltillo Plant',
        facilityType: 'plant',
        sources: [source],
      },
    ]);
    expect(summary.merges.map((merge) => [merge.id, merge.into])).toEqual([
      ['alpha-saltillo-2', 'alpha-saltillo-plant'],
    ]);
    expect(summary.nodes.Plant).toEqual({ created: 1, updated: 1, unchanged: 0 });
    // The stored plant's own claim, already in the graph.
    expect(summary.relationships).toEqual({ created: 0, updated: 0, unchanged: 1 });
    expect(summary.possibleDuplicates.map((duplicate) => duplicate.id)).toEqual(['alpha-saltillo-4']);
  });
});
