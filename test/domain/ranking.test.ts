import { rankSubjects } from '../../src/domain/ranking';
import type { Statistic } from '../../src/domain/statistic';

const base: Statistic = {
  id: 'x',
  metric: 'exports',
  value: 0,
  unit: 'vehicles',
  qualifier: 'exact',
  low: null,
  high: null,
  periodBasis: 'stated',
  period: '2026-01',
  periodStart: '2026-01-01',
  periodEnd: '2026-01-31',
  granularity: 'month',
  subjectId: 'x',
  destinationId: null,
  originId: null,
  sectorId: null,
  publishedById: null,
  sourceId: 's1',
  changePercent: null,
  changeComparedTo: null,
  scope: null,
};
const stat = (over: Partial<Statistic>): Statistic => ({ ...base, ...over });

describe('Ranking', () => {
  test('without a destination, totals rank by value', () => {
    const rows = rankSubjects(
      [stat({ id: 'a', subjectId: 'a', value: 10 }), stat({ id: 'b', subjectId: 'b', value: 30 })],
      null,
    );
    expect(rows.map((r) => [r.rank, r.subjectId, r.coverage, r.broaderThanAsked])).toEqual([
      [1, 'b', 'all destinations', false],
      [2, 'a', 'all destinations', false],
    ]);
  });

  test('a destination figure wins over a total, and a total is marked broader', () => {
    const rows = rankSubjects(
      [
        stat({ id: 'a-all', subjectId: 'a', value: 100 }),
        stat({ id: 'a-us', subjectId: 'a', value: 90, destinationId: 'US' }),
        stat({ id: 'b-all', subjectId: 'b', value: 95 }),
      ],
      'US',
    );
    expect(rows.map((r) => [r.subjectId, r.value, r.coverage, r.broaderThanAsked])).toEqual([
      ['b', 95, 'all destinations', true],
      ['a', 90, 'to US', false],
    ]);
  });

  test('disagreeing sources are all kept and flagged', () => {
    const [row] = rankSubjects(
      [
        stat({ id: 'a2', subjectId: 'a', value: 5, sourceId: 's2' }),
        stat({ id: 'a1', subjectId: 'a', value: 6 }),
      ],
      null,
    );
    expect(row?.value).toBe(6);
    expect(row?.sourcesDisagree).toBe(true);
    expect(row?.statistics.map((s) => s.id)).toEqual(['a1', 'a2']);
  });
});
