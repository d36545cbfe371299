/**
 * A period a statistic covers, written the way sources speak of it:
 * `2026-01` (a month), `2024-Q1`, `2023-H1`, `2025` (a year), `2026-01-15` (a day),
 * or a range of months such as `2025-01/2025-10` (year to date).
 */
export type Granularity = 'day' | 'month' | 'quarter' | 'half' | 'year' | 'range';

export interface Period {
  readonly label: string;
  readonly start: string;
  readonly end: string;
  readonly granularity: Granularity;
}

/** The period forms parsePeriod accepts, in words, for error messages. */
export const ACCEPTED_PERIOD_FORMS =
  'use a year (2025), a half (2023-H1), a quarter (2024-Q1), a month (2026-01), a day (2026-01-15) or a range of months (2025-01/2025-03)';

const pad = (n: number): string => String(n).padStart(2, '0');

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function monthSpan(year: number, firstMonth: number, lastMonth: number): { start: string; end: string } {
  return {
    start: `${year}-${pad(firstMonth)}-01`,
    end: `${year}-${pad(lastMonth)}-${pad(lastDayOfMonth(year, lastMonth))}`,
  };
}

function validMonth(month: number): boolean {
  return month >= 1 && month <= 12;
}

/** Parses a period label; returns an explanation instead when the label is not one. */
export function parsePeriod(label: string): Period | string {
  let m = /^(\d{4})$/.exec(label);
  if (m) return { label, granularity: 'year', ...monthSpan(Number(m[1]), 1, 12) };

  m = /^(\d{4})-(\d{2})$/.exec(label);
  if (m) {
    const month = Number(m[2]);
    if (!validMonth(month)) return `month ${m[2]} does not exist in "${label}"`;
    return { label, granularity: 'month', ...monthSpan(Number(m[1]), month, month) };
  }

  m = /^(\d{4})-Q([1-4])$/.exec(label);
  if (m) {
    const quarter = Number(m[2]);
    return { label, granularity: 'quarter', ...monthSpan(Number(m[1]), quarter * 3 - 2, quarter * 3) };
  }

  m = /^(\d{4})-H([12])$/.exec(label);
  if (m) {
    const half = Number(m[2]);
    return { label, granularity: 'half', ...monthSpan(Number(m[1]), half * 6 - 5, half * 6) };
  }

  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(label);
  if (m) {
    const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (!validMonth(month) || day < 1 || day > lastDayOfMonth(year, month)) {
      return `"${label}" is not a calendar date`;
    }
    return { label, granularity: 'day', start: label, end: label };
  }

  m = /^(\d{4})-(\d{2})\/(\d{4})-(\d{2})$/.exec(label);
  if (m) {
    const [y1, m1, y2, m2] = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])];
    if (!validMonth(m1) || !validMonth(m2)) return `"${label}" names a month that does not exist`;
    if (y1 * 12 + m1 >= y2 * 12 + m2) return `"${label}" must run from an earlier month to a later one`;
    return {
      label,
      granularity: 'range',
      start: `${y1}-${pad(m1)}-01`,
      end: `${y2}-${pad(m2)}-${pad(lastDayOfMonth(y2, m2))}`,
    };
  }

  return `"${label}" is not a period: ${ACCEPTED_PERIOD_FORMS}`;
}

/**
 * True when two labels name the same span of days, whatever their form: `2025-Q1`,
 * `2025-01/2025-03` and a stored quarter are one period; `2025` and `2025-01/2025-12` too.
 */
export function samePeriod(a: string, b: string): boolean {
  if (a === b) return true;
  const pa = parsePeriod(a);
  const pb = parsePeriod(b);
  if (typeof pa === 'string' || typeof pb === 'string') return false;
  return pa.start === pb.start && pa.end === pb.end;
}

/** A partial ISO date as sources give them: `2009`, `2009-03` or `2009-03-01`. */
export function isPartialDate(value: string): boolean {
  const period = parsePeriod(value);
  return typeof period !== 'string' && ['year', 'month', 'day'].includes(period.granularity);
}

/** The same period one year earlier, as a label, for year-over-year comparisons. */
export function yearEarlier(label: string): string | null {
  const period = parsePeriod(label);
  if (typeof period === 'string') return null;
  const shift = (text: string): string => text.replace(/(\d{4})/g, (year) => String(Number(year) - 1));
  if (period.granularity === 'day') return null;
  return shift(label);
}

/** The span of days one year before a period's (for comparisons by span, whatever the label's form). */
export function spanYearEarlier(period: Pick<Period, 'start' | 'end'>): { start: string; end: string } {
  const shift = (date: string): string => {
    const [year, month, day] = date.split('-').map(Number) as [number, number, number];
    const last = lastDayOfMonth(year - 1, month);
    // The last day of February stays the last day of February.
    const d = day === lastDayOfMonth(year, month) ? last : Math.min(day, last);
    return `${year - 1}-${pad(month)}-${pad(d)}`;
  };
  return { start: shift(period.start), end: shift(period.end) };
}
