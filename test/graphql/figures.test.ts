import { defaultDataDirectory } from '../../src/import/dataset';
import { createTradeGraph, type TradeGraph } from '../../src/trade-graph';
import { openEmptyStore, testEngines, type EngineName } from '../helpers/engines';
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
    const opened = await openEmptyStore(engine, { writeTimeoutMs: 600_000 });
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
});
