import { Repeats } from '../../src/import/repeats';
import { Resolver } from '../../src/import/resolve';
import type { EmbeddedStore } from '../../src/store/embedded/embedded-store';
import { checkedLines, problemsOf, reportFor } from '../helpers/import-stages';
import { openLoadedStore } from '../helpers/stores';

jest.setTimeout(120_000);

describe('Resolve references', () => {
  let store: EmbeddedStore;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    ({ store, dispose } = await openLoadedStore());
  });
  afterAll(async () => {
    await dispose();
  });

  function stage(records: Record<string, unknown>[]) {
    const report = reportFor('change.jsonl');
    const resolver = new Resolver(store, report);
    const { checked, files } = checkedLines(records);
    const valid = new Repeats(report, 100).admit(checked, files);
    resolver.register(valid);
    return { report, resolver, valid };
  }

  test('ids found in the graph or the import, with their kinds; the stored nodes come with the batch', async () => {
    const { report, resolver, valid } = stage([
      { kind: 'Company', id: 'alpha-trucks', aliases: ['AT'] },
      { kind: 'Company', id: 'acme', name: 'Acme', companyType: 'manufacturer', sources: ['fx-report-2026'] },
      { kind: 'Relationship', type: 'MEMBER_OF', from: 'acme', to: 'truckmakers', source: 'fx-older-2022' },
      {
        kind: 'Statistic',
        id: 'acme-1',
        subject: 'acme',
        metric: 'exports',
        value: 1,
        unit: 'vehicles',
        period: '2026-01',
        destination: 'US',
        source: 'fx-report-2026',
      },
    ]);
    const { ready, storedNodes } = await resolver.resolve(valid);
    expect(ready.map((item) => item.type).sort()).toEqual(['claim', 'node', 'node', 'statistic']);
    expect([...storedNodes.keys()]).toEqual(expect.arrayContaining(['alpha-trucks']));
    expect(storedNodes.has('acme')).toBe(false);
    expect(resolver.kindOf('acme')?.kind).toBe('Company');
    expect(resolver.kindOf('fx-report-2026')).toEqual({ kind: 'Source', published: '2026-02-10' });
    expect(await resolver.exists('MX')).toBe(true);
    expect(await resolver.exists('nowhere')).toBe(false);
    expect(resolver.finish()).toEqual([]);
    expect(problemsOf(report)).toEqual([]);
  });

  test('a reference of the wrong kind is a problem at once', async () => {
    const { report, resolver, valid } = stage([
      { kind: 'Relationship', type: 'MEMBER_OF', from: 'alpha-trucks', to: 'MX', source: 'fx-report-2026' },
    ]);
    expect((await resolver.resolve(valid)).ready).toEqual([]);
    expect(problemsOf(report)).toEqual([
      expect.objectContaining({
        line: 1,
        field: 'to',
        message: 'refers to "MX", a Country; expected Association',
      }),
    ]);
  });

  test('a reference ahead waits; still unknown at the end, it is missing from the change and the graph', async () => {
    const { report, resolver, valid } = stage([
      {
        kind: 'Relationship',
        type: 'MEMBER_OF',
        from: 'later-co',
        to: 'truckmakers',
        source: 'fx-report-2026',
      },
      {
        kind: 'Relationship',
        type: 'MEMBER_OF',
        from: 'never-co',
        to: 'truckmakers',
        source: 'fx-report-2026',
      },
    ]);
    expect((await resolver.resolve(valid)).ready).toEqual([]);
    resolver.register(
      stage([{ kind: 'Company', id: 'later-co', name: 'Later', companyType: 'supplier' }]).valid,
    );
    const waited = resolver.finish();
    expect(waited).toHaveLength(2);
    expect(problemsOf(report)).toEqual([
      expect.objectContaining({
        line: 2,
        record: 'MEMBER_OF never-co→truckmakers',
        field: 'from',
        message: expect.stringContaining(
          'refers to "never-co", which is neither in this change (its 1 file) nor in the graph',
        ),
      }),
    ]);
  });
});
