import { Planner } from '../../src/import/plan';
import { Repeats } from '../../src/import/repeats';
import { Resolver } from '../../src/import/resolve';
import type { EmbeddedStore } from '../../src/store/embedded/embedded-store';
import { checkedLines, problemsOf, reportFor } from '../helpers/import-stages';
import { openLoadedStore } from '../helpers/stores';

jest.setTimeout(120_000);

describe('Plan the writes against the store', () => {
  let store: EmbeddedStore;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    ({ store, dispose } = await openLoadedStore());
  });
  afterAll(async () => {
    await dispose();
  });

  async function plan(records: Record<string, unknown>[], journaled = false) {
    const report = reportFor('change.jsonl');
    const resolver = new Resolver(store, report);
    const { checked, files } = checkedLines(records);
    const valid = new Repeats(report, 100).admit(checked, files);
    resolver.register(valid);
    const { ready, storedNodes } = await resolver.resolve(valid, true);
    const planner = new Planner(store, report, resolver, {
      journaled,
      replaceEntities: false,
      storedStatistics: 1,
      storedClaims: 1,
    });
    return { report, plan: await planner.plan(ready, storedNodes) };
  }

  test('entities: new ones created, stored ones merged field by field or left unchanged', async () => {
    const { report, plan: written } = await plan(
      [
        { kind: 'Company', id: 'acme', name: 'Acme', companyType: 'supplier' },
        { kind: 'Company', id: 'beta-motors', aliases: ['BM'] },
        { kind: 'Company', id: 'gamma-parts', name: 'Gamma Parts' },
      ],
      true,
    );
    expect(report.nodes.Company).toEqual({ created: 1, updated: 1, unchanged: 1 });
    expect(written.upserts.Company?.map((row) => [row.id, row.aliases])).toEqual([
      ['acme', []],
      ['beta-motors', ['Béta', 'BM']],
    ]);
    expect(written.undo).toMatchObject({
      createdNodes: ['acme'],
      nodes: [{ kind: 'Company', row: expect.objectContaining({ id: 'beta-motors', aliases: ['Béta'] }) }],
    });
    expect(report.summary('i', 'journal', true).changes).toEqual([
      {
        kind: 'Company',
        id: 'beta-motors',
        fields: [{ field: 'aliases', before: ['Béta'], after: ['Béta', 'BM'], overwrites: false }],
      },
    ]);
  });

  test('an amendment of an id the graph lacks, or an id of another kind, is a problem', async () => {
    const { report, plan: written } = await plan([
      { kind: 'Company', id: 'nobody', aliases: ['N'] },
      { kind: 'Plant', id: 'beta-motors', name: 'Beta plant' },
    ]);
    expect(written.upserts).toEqual({});
    expect(problemsOf(report).map((problem) => problem.message)).toEqual([
      expect.stringContaining('"nobody" is not in the graph, and a new Company needs every required field'),
      '"beta-motors" is already a Company in the store',
    ]);
  });

  test('statistics: a new one packed with its links, a stored one unchanged or rewritten; claims likewise', async () => {
    const { report, plan: written } = await plan([
      {
        kind: 'Statistic',
        id: 'new-1',
        subject: 'MX',
        metric: 'exports',
        value: 5,
        unit: 'vehicles',
        period: '2024-01',
        destination: 'US',
        source: 'fx-report-2026',
      },
      {
        kind: 'Statistic',
        id: 'beta-exports-2026-01-fx',
        subject: 'beta-motors',
        metric: 'exports',
        value: 1200,
        unit: 'vehicles',
        period: '2026-01',
        origin: 'MX',
        source: 'fx-report-2026',
      },
      {
        kind: 'Statistic',
        id: 'alpha-exports-2026-01-fx',
        subject: 'alpha-trucks',
        metric: 'exports',
        value: 3001,
        unit: 'vehicles',
        period: '2026-01',
        origin: 'MX',
        source: 'fx-report-2026',
      },
      {
        kind: 'Relationship',
        type: 'MEMBER_OF',
        from: 'beta-motors',
        to: 'truckmakers',
        source: 'fx-report-2026',
        asOf: '2026-01',
      },
      {
        kind: 'Relationship',
        type: 'MEMBER_OF',
        from: 'gamma-parts',
        to: 'truckmakers',
        source: 'fx-report-2026',
        asOf: '2026',
      },
    ]);
    expect(problemsOf(report)).toEqual([]);
    expect(report.nodes.Statistic).toEqual({ created: 1, updated: 1, unchanged: 1 });
    expect(written.inserted).toHaveLength(1);
    expect(Object.keys(written.insertedLinks).sort()).toEqual([
      'insert-statistic-destination-country',
      'insert-statistic-measures-country',
      'insert-statistic-stated-in-source',
    ]);
    expect(written.statistics.map((row) => [row.id, row.value])).toEqual([
      ['alpha-exports-2026-01-fx', 3001],
    ]);
    expect(written.unlink).toEqual(['alpha-exports-2026-01-fx']);
    expect(report.relationships).toEqual({ created: 1, updated: 0, unchanged: 1 });
    expect(Object.values(written.claims).flat()).toEqual([
      expect.objectContaining({ from: 'gamma-parts', asOf: '2026' }),
    ]);
  });
});
