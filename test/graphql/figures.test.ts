import { defaultDataDirectory } from '../../src/import/dataset';
import { createTradeGraph, type TradeGraph } from '../../src/trade-graph';
import { openLoadedEngineStore, testEngines, type EngineName } from '../helpers/engines';
import { query } from '../helpers/graphs';

/*
 * Figures as precise as their sources, and membership and scope that mean what users think:
 * the curated dataset through the API, on each engine.
 */

interface StatisticRow {
  id: string;
  value: number;
  qualifier: string;
  low: number | null;
  high: number | null;
  stated: string;
  periodStated: boolean;
  period: { label: string; basis: string; stated: boolean };
  coverage: string;
  source: { id: string };
}

const STATISTIC_FIELDS =
  'id value qualifier low high stated periodStated period { label basis stated } coverage source { id }';

describe.each(testEngines())('Figures and membership on %s', (engine: EngineName) => {
  let graph: TradeGraph;
  let dispose: () => Promise<void>;

  beforeAll(async () => {
    // Only reads: on Neo4j it may start from the curated dataset an earlier suite left (checked whole).
    const opened = await openLoadedEngineStore(engine, defaultDataDirectory(), { reuse: true });
    graph = await createTradeGraph({ store: opened.store, dataDirectory: defaultDataDirectory() });
    dispose = async () => {
      await graph.close();
      await opened.dispose();
    };
  }, 600_000);
  afterAll(async () => dispose());

  test('a bound is stored as a bound, an approximation as one, a range with both ends', async () => {
    const data = await query<{ statistics: StatisticRow[] }>(
      graph,
      `{ statistics(subjects: ["MX"], metric: "production", period: "2022") { ${STATISTIC_FIELDS} } }`,
    );
    const bySource = new Map(data.statistics.map((s) => [s.source.id, s]));
    expect(bySource.get('a015-steelorbis')).toMatchObject({
      value: 200000,
      qualifier: 'LOWER_BOUND',
      stated: 'more than 200,000',
      periodStated: true,
    });
    expect(bySource.get('a013-freightwaves')).toMatchObject({ value: 195789, qualifier: 'EXACT', low: null });

    const fleet = await query<{ statistics: StatisticRow[] }>(
      graph,
      `{ statistics(subjects: ["MX"], metric: "fleet_average_age") { ${STATISTIC_FIELDS} } }`,
    );
    expect(fleet.statistics.find((s) => s.source.id === 'a021-latintimes')).toMatchObject({
      qualifier: 'RANGE',
      value: 17,
      low: 17,
      high: 19,
      stated: '17 to 19',
      periodStated: false,
      period: { label: '2024', basis: 'CONTEXT', stated: false },
    });
    expect(fleet.statistics.find((s) => s.source.id === 'a041-particle')).toMatchObject({
      qualifier: 'APPROXIMATE',
      stated: 'about 19',
    });
  });

  test('a period inferred from the article’s date says so', async () => {
    const data = await query<{ statistics: StatisticRow[] }>(
      graph,
      `{ statistics(subjects: ["kenworth-mexicali-plant"], metric: "employees") { ${STATISTIC_FIELDS} } }`,
    );
    expect(data.statistics).toEqual([
      expect.objectContaining({
        value: 3500,
        qualifier: 'LOWER_BOUND',
        periodStated: false,
        period: { label: '2024-01', basis: 'ARTICLE_DATE', stated: false },
      }),
    ]);
  });

  test('a ranking never places a bound as an exact figure without saying so in the row', async () => {
    const data = await query<{
      ranking: {
        rows: {
          rank: number;
          subject: { id: string };
          value: number;
          qualifier: string;
          rankUncertain: boolean;
          note: string | null;
        }[];
        notes: string[];
      };
    }>(
      graph,
      `{ ranking(input: { subjects: ["freightliner", "international", "kenworth"], metric: "production_share", period: "2023" }) {
          rows { rank subject { id } value qualifier rankUncertain note } notes } }`,
    );
    expect(data.ranking.rows.map((r) => [r.rank, r.subject.id, r.value, r.qualifier])).toEqual([
      [1, 'freightliner', 56, 'LOWER_BOUND'],
      [2, 'international', 30, 'APPROXIMATE'],
      [3, 'kenworth', 10, 'UPPER_BOUND'],
    ]);
    expect(data.ranking.rows[0]?.note).toMatch(/more than 56 percent \(a lower bound in a023-steelorbis\)/);
    expect(data.ranking.rows[2]?.note).toMatch(/less than 10 percent \(an upper bound/);
    expect(data.ranking.notes.join(' ')).toMatch(/freightliner: more than 56 percent/);
  });

  test('the headline answer stays: Freightliner 3,556 and International 1,445, broader than asked', async () => {
    const data = await query<{
      ranking: {
        rows: {
          subject: { id: string };
          value: number;
          qualifier: string;
          broaderThanAsked: boolean;
          coverage: string;
        }[];
        notes: string[];
      };
    }>(
      graph,
      `{ ranking(input: { membersOf: "anpact", membersAsOf: "2026", metric: "exports", period: "2026-01", destination: "US" }) {
          rows { subject { id } value qualifier broaderThanAsked coverage } notes } }`,
    );
    expect(data.ranking.rows).toEqual([
      {
        subject: { id: 'freightliner' },
        value: 3556,
        qualifier: 'EXACT',
        broaderThanAsked: true,
        coverage: 'all destinations',
      },
      {
        subject: { id: 'international' },
        value: 1445,
        qualifier: 'EXACT',
        broaderThanAsked: true,
        coverage: 'all destinations',
      },
    ]);
  });

  test('coverage speaks of destinations only where a destination split makes sense', async () => {
    const data = await query<{ statistics: StatisticRow[] }>(
      graph,
      `{ statistics(subjects: ["MX"], period: "2026-01") { ${STATISTIC_FIELDS} metric } }`,
    );
    const coverage = (id: string): string | undefined => data.statistics.find((s) => s.id === id)?.coverage;
    expect(coverage('mx-exports-2026-01-a045')).toBe('all destinations');
    expect(coverage('mx-exports-2026-01-us-a045')).toBe('to US');
    expect(coverage('mx-production-2026-01-a045')).toBe('production of MX (heavy-vehicles)');
  });

  test('conflicts lists every pair of differing figures from different sources, with both sources', async () => {
    const data = await query<{
      conflicts: {
        kind: string;
        difference: number;
        a: { id: string; source: { id: string } };
        b: { id: string; source: { id: string } };
      }[];
    }>(
      graph,
      '{ conflicts(metric: "import_market_share") { kind difference a { id source { id } } b { id source { id } } } }',
    );
    expect(data.conflicts).toEqual([
      {
        kind: 'CONTRADICTION',
        difference: 0.1,
        a: { id: 'mx-import-market-share-2024-us-a032', source: { id: 'a032-oabroad' } },
        b: {
          id: 'mx-import-market-share-2024-us-seed-usmca-review',
          source: { id: 'seed-usmca-review-2025-12' },
        },
      },
    ]);
  });

  test('two sources’ dates stand side by side, and factConflicts lists them', async () => {
    const data = await query<{ policy: unknown; plant: unknown; factConflicts: unknown[] }>(
      graph,
      `{ policy(id: "usmca-2026-review") { startDate startDateFacts { value precision source { id } } }
         plant(id: "dtna-saltillo-plant") { opened openedFacts { value sourceId } }
         factConflicts { entity { id } field kind a { value sourceId } b { value sourceId } } }`,
    );
    expect(data.policy).toEqual({
      startDate: '2026-07-01',
      startDateFacts: [
        { value: '2026-07', precision: 'month', source: { id: 'a032-oabroad' } },
        { value: '2026-07-01', precision: 'day', source: { id: 'a049-latinvex' } },
      ],
    });
    expect(data.plant).toEqual({
      opened: '2009',
      openedFacts: [{ value: '2009', sourceId: 'a001-trailer-bodybuilders' }],
    });
    expect(data.factConflicts).toEqual([
      {
        entity: { id: 'usmca-2026-review' },
        field: 'startDate',
        kind: 'PRECISION',
        a: { value: '2026-07', sourceId: 'a032-oabroad' },
        b: { value: '2026-07-01', sourceId: 'a049-latinvex' },
      },
    ]);
    const wrong = await graph.execute('{ factConflicts(field: "opening") { field } }');
    expect(wrong.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'field' });
  });

  test('an unknown subject is an error naming what it may mean, never an empty list', async () => {
    const result = await graph.execute('{ statistics(subjects: ["Mexico"], metric: "exports") { id } }');
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'subjects' });
    expect(result.errors?.[0]?.message).toMatch(/no entity has the id "Mexico" \(did you mean MX/);
    expect(result.errors?.[0]?.extensions?.suggestions).toContain('MX');
  });

  test('an entity is found whatever the case of its id, and answers with the canonical id', async () => {
    const data = await query<{
      company: { id: string } | null;
      entity: { id: string } | null;
      country: { id: string } | null;
    }>(
      graph,
      '{ company(id: "Freightliner") { id } entity(id: "FREIGHTLINER") { id } country(id: "mx") { id } }',
    );
    expect(data).toEqual({
      company: { id: 'freightliner' },
      entity: { id: 'freightliner' },
      country: { id: 'MX' },
    });
    const none = await query<{ company: null }>(graph, '{ company(id: "no-such-company") { id } }');
    expect(none.company).toBeNull();
  });

  test('an unknown metric suggests the closest, in statistics and rankings', async () => {
    const result = await graph.execute('{ statistics(subjects: ["MX"], metric: "export") { id } }');
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'metric' });
    expect(result.errors?.[0]?.message).toMatch(/"export" is not a known metric \(did you mean exports/);
    const ranking = await graph.execute(
      '{ ranking(input: { membersOf: "anpact", metric: "productoin", period: "2026-01" }) { notes } }',
    );
    expect(ranking.errors?.[0]?.message).toMatch(/did you mean production/);
  });

  test('each metric says how it differs from its neighbours', async () => {
    const data = await query<{ metrics: { name: string; description: string }[] }>(
      graph,
      '{ metrics { name description } }',
    );
    const about = (name: string): string => data.metrics.find((m) => m.name === name)?.description ?? '';
    expect(about('export_share')).toMatch(/Not export_market_share .* nor production_share/);
    expect(about('export_market_share')).toMatch(/Not export_share/);
    expect(about('production_share')).toMatch(/not export_market_share/);
  });

  test('a two-way figure stored from one side answers from the other, with its direction', async () => {
    const data = await query<{
      statistics: {
        id: string;
        fromPartnerSide: boolean;
        direction: string | null;
        source: { id: string };
      }[];
    }>(
      graph,
      '{ statistics(subjects: ["US"], metric: "trade_value", period: "2024") { id fromPartnerSide direction source { id } } }',
    );
    expect(data.statistics).toContainEqual({
      id: 'mx-trade-value-2024-us-a032',
      fromPartnerSide: true,
      direction: 'MX ↔ US, stated from MX’s side',
      source: { id: 'a032-oabroad' },
    });
    const fromMexico = await query<{ statistics: { id: string; fromPartnerSide: boolean }[] }>(
      graph,
      '{ statistics(subjects: ["MX"], metric: "trade_value", period: "2024", destination: "US") { id fromPartnerSide } }',
    );
    expect(fromMexico.statistics).toContainEqual({
      id: 'mx-trade-value-2024-us-a032',
      fromPartnerSide: false,
    });
  });

  test('the two-way figure answers from US’s side in an entity’s statistics and in a ranking too', async () => {
    const fields = 'id fromPartnerSide direction';
    type Row = { id: string; fromPartnerSide: boolean; direction: string | null };
    const data = await query<{
      country: { statistics: Row[] };
      ranking: {
        rows: { subject: { id: string }; value: number; coverage: string; statistics: Row[] }[];
        notes: string[];
      };
    }>(
      graph,
      `{ country(id: "US") { statistics(metric: "trade_value", period: "2024") { ${fields} } }
         ranking(input: { subjects: ["US"], metric: "trade_value", period: "2024", destination: "MX" }) {
           rows { subject { id } value coverage statistics { ${fields} } } notes } }`,
    );
    const asStored = {
      id: 'mx-trade-value-2024-us-a032',
      fromPartnerSide: true,
      direction: 'MX ↔ US, stated from MX’s side',
    };
    expect(data.country.statistics).toContainEqual(asStored);
    expect(data.ranking.rows).toHaveLength(1);
    const [row] = data.ranking.rows;
    expect(row).toMatchObject({ subject: { id: 'US' }, value: 839892000000, coverage: 'to MX' });
    expect(row?.statistics).toContainEqual(asStored);
    expect(row?.statistics.every((s) => s.fromPartnerSide)).toBe(true);
    expect(data.ranking.notes.join(' ')).toMatch(/stated from MX’s side \(MX → US, a032-oabroad\)/);
  });

  test('a quarter and the same months as a range are one period; an unsupported form names the accepted ones', async () => {
    const asRange = await query<{ statistics: { id: string; period: { label: string } }[] }>(
      graph,
      '{ statistics(subjects: ["MX"], metric: "used_vehicle_imports", period: "2024-01/2024-03") { id period { label } } }',
    );
    expect(asRange.statistics).toEqual([
      { id: 'mx-used-vehicle-imports-2024-q1-a029', period: { label: '2024-Q1' } },
    ]);
    const result = await graph.execute('{ statistics(subjects: ["MX"], period: "2026-1") { id } }');
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'period' });
    expect(result.errors?.[0]?.message).toMatch(
      /a quarter \(2024-Q1\).*a range of months \(2025-01\/2025-03\)/,
    );
  });

  test('membersAsOf means members at that date, with a note for every member not plainly covered', async () => {
    const data = await query<{ ranking: { rows: { subject: { id: string } }[]; notes: string[] } }>(
      graph,
      '{ ranking(input: { membersOf: "anpact", membersAsOf: "2024", metric: "production", period: "2024-03" }) { rows { subject { id } } notes } }',
    );
    expect(data.ranking.rows.map((r) => r.subject.id)).toEqual(
      expect.arrayContaining(['freightliner', 'international', 'kenworth']),
    );
    const notes = data.ranking.notes.join(' ');
    expect(notes).toMatch(
      /freightliner is included: no claim speaks for 2024, but a019-freightwaves \(2023-11\) before it/,
    );
    expect(notes).toMatch(/mack is excluded/);
    expect(notes).toMatch(
      /shacman is excluded: its earliest claim, seed-borderlands-2026-01 \(2026-01\), is after 2024/,
    );
  });

  test('association.members(asOf:) means members at that date, as membersAsOf; the rest are in excludedMembers with a note', async () => {
    interface Member {
      node: { id: string };
      claims: { sourceId: string; asOf: string | null }[];
      note: string | null;
    }
    const data = await query<{ association: { members: Member[]; excludedMembers: Member[] } }>(
      graph,
      `{ association(id: "anpact") {
          members(asOf: "2024") { node { id } claims { sourceId asOf } note }
          excludedMembers(asOf: "2024") { node { id } claims { sourceId asOf } note } } }`,
    );
    const members = new Map(data.association.members.map((m) => [m.node.id, m]));
    // A claim dated 2024 covers the date: no note, and only that claim.
    expect(members.get('kenworth')).toEqual({
      node: { id: 'kenworth' },
      claims: [{ sourceId: 'a021-latintimes', asOf: '2024' }],
      note: null,
    });
    // No claim speaks for 2024, but one before and one after do: included, on those two claims.
    expect(members.get('freightliner')?.claims).toEqual([
      { sourceId: 'seed-borderlands-2026-01', asOf: '2026-01' },
      { sourceId: 'a019-freightwaves', asOf: '2023-11' },
    ]);
    expect(members.get('freightliner')?.note).toMatch(
      /freightliner is included: no claim speaks for 2024, but a019-freightwaves \(2023-11\) before it and seed-borderlands-2026-01 \(2026-01\) after it/,
    );
    // The ranking's membersAsOf answers the same members.
    const ranked = await query<{ ranking: { notes: string[] } }>(
      graph,
      '{ ranking(input: { membersOf: "anpact", membersAsOf: "2024", metric: "production", period: "2024-03" }) { notes } }',
    );
    const notes = [...data.association.members, ...data.association.excludedMembers].flatMap((m) =>
      m.note === null ? [] : [m.note],
    );
    expect(notes.sort()).toEqual(ranked.ranking.notes.filter((n) => / is (in|ex)cluded/.test(n)).sort());
    // Nobody is dropped in silence: every company any source names is in one list or the other.
    const all = await query<{ association: { members: Member[] } }>(
      graph,
      '{ association(id: "anpact") { members { node { id } } } }',
    );
    const excluded = data.association.excludedMembers.map((m) => m.node.id);
    expect(excluded).toEqual(expect.arrayContaining(['mack', 'shacman']));
    expect(excluded.every((id) => !members.has(id))).toBe(true);
    expect(data.association.excludedMembers.find((m) => m.node.id === 'shacman')?.note).toMatch(
      /shacman is excluded: its earliest claim, seed-borderlands-2026-01 \(2026-01\), is after 2024/,
    );
    expect([...members.keys(), ...excluded].sort()).toEqual(
      all.association.members.map((m) => m.node.id).sort(),
    );
  });

  test('association.members(asOf:) with a date that is not a period is a BAD_USER_INPUT naming the forms', async () => {
    const result = await graph.execute(
      '{ association(id: "anpact") { members(asOf: "2026-1") { node { id } } } }',
    );
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'asOf' });
    expect(result.errors?.[0]?.message).toMatch(/a month \(2026-01\)/);
  });
});
