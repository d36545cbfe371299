import { findConflicts } from '../../src/domain/conflicts';
import { membersAt, type MembershipClaim } from '../../src/domain/membership';
import { ACCEPTED_PERIOD_FORMS, parsePeriod, samePeriod, spanYearEarlier } from '../../src/domain/period';
import { rankSubjects } from '../../src/domain/ranking';
import { coverageOf, statedFigure, type Statistic } from '../../src/domain/statistic';

const base: Statistic = {
  id: 'x',
  metric: 'production_share',
  value: 0,
  unit: 'percent',
  qualifier: 'exact',
  low: null,
  high: null,
  period: '2023',
  periodStart: '2023-01-01',
  periodEnd: '2023-12-31',
  granularity: 'year',
  periodBasis: 'stated',
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

describe('Qualified figures', () => {
  test('each qualifier reads as precisely as its source', () => {
    expect(statedFigure(stat({ value: 4783 }))).toBe('4,783');
    expect(statedFigure(stat({ value: 30, qualifier: 'approximate' }))).toBe('about 30');
    expect(statedFigure(stat({ value: 200000, qualifier: 'lower-bound' }))).toBe('more than 200,000');
    expect(statedFigure(stat({ value: 10, qualifier: 'upper-bound' }))).toBe('less than 10');
    expect(statedFigure(stat({ value: 17, qualifier: 'range', low: 17, high: 19 }))).toBe('17 to 19');
  });

  test('a ranking places a bound at its bound, says so in the row, and marks an uncertain order', () => {
    const rows = rankSubjects(
      [
        stat({ id: 'fl', subjectId: 'freightliner', value: 56, qualifier: 'lower-bound' }),
        stat({ id: 'in', subjectId: 'international', value: 30, qualifier: 'approximate' }),
        stat({ id: 'kw', subjectId: 'kenworth', value: 13, qualifier: 'upper-bound' }),
        stat({ id: 'ot', subjectId: 'other', value: 12 }),
      ],
      null,
    );
    expect(rows.map((r) => [r.rank, r.subjectId, r.value, r.qualifier, r.rankUncertain])).toEqual([
      [1, 'freightliner', 56, 'lower-bound', false],
      [2, 'international', 30, 'approximate', false],
      [3, 'kenworth', 13, 'upper-bound', true],
      [4, 'other', 12, 'exact', true],
    ]);
    expect(rows[0]?.note).toMatch(
      /more than 56 percent \(a lower bound in s1\), ranked at 56; the figure may be higher/,
    );
    expect(rows[2]?.note).toMatch(/less than 13 percent .*may be lower.*not certain/);
    expect(rows[3]?.note).toMatch(/not certain/);
  });

  test('within a subject the most precise figure is ranked, and a compatible bound is not a disagreement', () => {
    const [row] = rankSubjects(
      [
        stat({ id: 'a', subjectId: 'fl', value: 56, qualifier: 'lower-bound', sourceId: 'a023' }),
        stat({ id: 'b', subjectId: 'fl', value: 57, sourceId: 'a015' }),
      ],
      null,
    );
    expect(row).toMatchObject({ value: 57, qualifier: 'exact', sourcesDisagree: true, note: null });
  });
});

describe('Conflicts', () => {
  test('pairs from different sources with the same scope that differ, contradiction or precision', () => {
    const conflicts = findConflicts([
      stat({ id: 'a', value: 15.6, sourceId: 'seed' }),
      stat({ id: 'b', value: 15.5, sourceId: 'a032' }),
      stat({ id: 'c', value: 15.6, sourceId: 'other' }),
      stat({ id: 'd', subjectId: 'fl', value: 56, qualifier: 'lower-bound', sourceId: 'a023' }),
      stat({ id: 'e', subjectId: 'fl', value: 57, sourceId: 'a015' }),
      stat({ id: 'f', value: 15.5, sourceId: 'a032', destinationId: 'US' }),
    ]);
    expect(conflicts.map((c) => [c.a.id, c.b.id, c.kind])).toEqual([
      ['e', 'd', 'precision'],
      ['b', 'a', 'contradiction'],
      ['b', 'c', 'contradiction'],
    ]);
  });

  test('two labels of one span are one period; the same source never conflicts with itself', () => {
    const quarter = stat({
      id: 'q',
      period: '2025-Q1',
      periodStart: '2025-01-01',
      periodEnd: '2025-03-31',
      value: 1,
    });
    const range = stat({ ...quarter, id: 'r', period: '2025-01/2025-03', value: 2, sourceId: 's2' });
    const same = stat({ ...quarter, id: 's', value: 3 });
    expect(findConflicts([quarter, range, same]).map((c) => [c.a.id, c.b.id])).toEqual([
      ['q', 'r'],
      ['s', 'r'],
    ]);
  });
});

describe('Periods as spans', () => {
  test('2025-Q1, 2025-01/2025-03 are the same period; a year and its months too', () => {
    expect(samePeriod('2025-Q1', '2025-01/2025-03')).toBe(true);
    expect(samePeriod('2025', '2025-01/2025-12')).toBe(true);
    expect(samePeriod('2025-H1', '2025-01/2025-06')).toBe(true);
    expect(samePeriod('2025-Q1', '2025-01/2025-04')).toBe(false);
    expect(spanYearEarlier({ start: '2024-01-01', end: '2024-02-29' })).toEqual({
      start: '2023-01-01',
      end: '2023-02-28',
    });
  });

  test('an unsupported form is refused naming every accepted form', () => {
    expect(parsePeriod('2026-1')).toBe(`"2026-1" is not a period: ${ACCEPTED_PERIOD_FORMS}`);
    expect(ACCEPTED_PERIOD_FORMS).toMatch(
      /2025\).*2023-H1.*2024-Q1.*2026-01\).*2026-01-15.*2025-01\/2025-03/,
    );
  });
});

describe('Coverage', () => {
  test('only metrics with a destination split speak of destinations', () => {
    expect(coverageOf(stat({ metric: 'exports' }))).toBe('all destinations');
    expect(coverageOf(stat({ metric: 'exports', destinationId: 'US' }))).toBe('to US');
    expect(coverageOf(stat({ metric: 'production', subjectId: 'MX', sectorId: 'heavy-vehicles' }))).toBe(
      'production of MX (heavy-vehicles)',
    );
    expect(coverageOf(stat({ metric: 'capacity', subjectId: 'dtna-saltillo-plant' }))).toBe(
      'capacity of dtna-saltillo-plant',
    );
  });
});

describe('Members at a date', () => {
  const claims = new Map<string, MembershipClaim[]>([
    [
      'freightliner',
      [
        { sourceId: 'a009', asOf: '2021' },
        { sourceId: 'a019', asOf: '2023-11' },
        { sourceId: 'seed', asOf: '2026-01' },
      ],
    ],
    ['mack', [{ sourceId: 'a009', asOf: '2021' }]],
    ['newcomer', [{ sourceId: 'seed', asOf: '2026-01' }]],
    ['veteran', [{ sourceId: 'a019', asOf: '2023-11', since: '2015' }]],
  ]);

  test('a claim that speaks for the date includes the member, without a note', () => {
    const answers = membersAt(claims, '2026');
    expect(answers.filter((a) => a.included).map((a) => a.memberId)).toEqual(['freightliner', 'newcomer']);
    expect(answers.find((a) => a.memberId === 'freightliner')).toMatchObject({
      basis: 'covered',
      note: null,
    });
  });

  test('between claims before and after the date, the member is included with a note naming both', () => {
    const answers = membersAt(claims, '2024');
    expect(answers.find((a) => a.memberId === 'freightliner')).toMatchObject({
      included: true,
      basis: 'between',
      note: expect.stringMatching(/a019 \(2023-11\) before it and seed \(2026-01\) after it/),
    });
  });

  test('no member is dropped in silence: every exclusion names the member and its claims', () => {
    const answers = membersAt(claims, '2024');
    expect(answers.find((a) => a.memberId === 'mack')).toMatchObject({
      included: false,
      basis: 'not-listed-since',
      note: expect.stringMatching(/mack is excluded: its latest claim is a009 \(2021\)/),
    });
    expect(answers.find((a) => a.memberId === 'newcomer')).toMatchObject({
      included: false,
      basis: 'only-later',
      note: expect.stringMatching(/newcomer is excluded/),
    });
    expect(membersAt(claims, '2020').find((a) => a.memberId === 'veteran')).toMatchObject({
      included: true,
      basis: 'covered',
    });
    expect(answers).toHaveLength(4);
  });

  test('after the latest word of any source, members rest on their latest claims', () => {
    const answers = membersAt(claims, '2027');
    expect(answers.find((a) => a.memberId === 'freightliner')).toMatchObject({
      included: true,
      basis: 'latest',
      note: expect.stringMatching(/latest claim, seed \(2026-01\)/),
    });
  });
});
