import { isPartialDate, parsePeriod, yearEarlier } from '../../src/domain/period';

describe('Periods', () => {
  test.each([
    ['2026-01', 'month', '2026-01-01', '2026-01-31'],
    ['2024-02', 'month', '2024-02-01', '2024-02-29'],
    ['2024-Q1', 'quarter', '2024-01-01', '2024-03-31'],
    ['2023-H1', 'half', '2023-01-01', '2023-06-30'],
    ['2025', 'year', '2025-01-01', '2025-12-31'],
    ['2026-01-15', 'day', '2026-01-15', '2026-01-15'],
    ['2025-01/2025-10', 'range', '2025-01-01', '2025-10-31'],
  ])('%s is a %s from %s to %s', (label, granularity, start, end) => {
    expect(parsePeriod(label)).toEqual({ label, granularity, start, end });
  });

  test.each(['2026-13', '2025-02-29', '2025-10/2025-01', 'January 2026', '2026-Q5', ''])(
    '"%s" is refused with a reason',
    (label) => {
      const result = parsePeriod(label);
      expect(typeof result).toBe('string');
    },
  );

  test('partial dates are years, months or days only', () => {
    expect(isPartialDate('2009-03')).toBe(true);
    expect(isPartialDate('2009')).toBe(true);
    expect(isPartialDate('2009-Q1')).toBe(false);
  });

  test('a year earlier shifts every year in the label', () => {
    expect(yearEarlier('2026-01')).toBe('2025-01');
    expect(yearEarlier('2025-01/2025-10')).toBe('2024-01/2024-10');
    expect(yearEarlier('bad')).toBeNull();
  });
});
