import type { WriteRow } from '../store/catalog.js';

/**
 * New statistics are not written one by one. Each becomes one line of text in the columns of the
 * engine's Statistic table (`id`, `kind`, `name`, `metric`, … `sourceId`), fields separated by
 * U+001F (unit separator), an empty field for null (values are never empty). Lines go to the file
 * the bulk loader reads (staging.ts; it takes U+001C as its quote character, which never occurs),
 * or, where there is no bulk loader to hand, to `insert-statistics` in one string per batch: the
 * embedded engine's driver converts a list of maps field by field (about 4 µs a field), one string
 * in a fraction of that. That statement splits rows on U+001E (record separator) and, since
 * splitting drops empty fields, reads nulls as U+001D (group separator) in the 18 fields of
 * STATISTIC_COLUMNS (no `kind`): `splitForm` converts. A row with any of these characters or a
 * line break in its free text is written by the ordinary upsert instead.
 */
export const ROW_SEPARATOR = '\u001e';
export const FIELD_SEPARATOR = '\u001f';
export const NULL_MARK = '\u001d';

/** The fields of a packed statistic, in the order the `insert-statistics` statement reads them. */
export const STATISTIC_COLUMNS = [
  'id',
  'name',
  'metric',
  'value',
  'unit',
  'period',
  'periodStart',
  'periodEnd',
  'granularity',
  'changePercent',
  'changeComparedTo',
  'scope',
  'subjectId',
  'destinationId',
  'originId',
  'sectorId',
  'publishedById',
  'sourceId',
  'qualifier',
  'low',
  'high',
  'periodBasis',
] as const;

// eslint-disable-next-line no-control-regex -- the separators themselves, and line breaks
const RESERVED = /[\u001c-\u001f\n\r]/;

/** Where a statistic's first target id (`subjectId`) sits in its line (after `id` and `kind`). */
export const FIRST_TARGET_FIELD = STATISTIC_COLUMNS.indexOf('subjectId') + 1;

/**
 * The row as a line in the columns of the Statistic table, or null when its free text holds a
 * reserved character (only free text can: the other fields are ids, vocabulary, numbers and dates
 * that validation has checked).
 */
export function packStatistic(row: WriteRow): string | null {
  let line = '';
  for (let i = 0; i < STATISTIC_COLUMNS.length; i += 1) {
    const value = row[STATISTIC_COLUMNS[i] as string];
    if (i === 1) line += `${FIELD_SEPARATOR}Statistic`;
    if (i > 0) line += FIELD_SEPARATOR;
    if (value === null || value === undefined) continue;
    if (typeof value === 'number') line += String(value);
    else if (typeof value === 'string' && value.length > 0) line += value;
    else return null;
  }
  const scope = row.scope;
  if (typeof scope === 'string' && RESERVED.test(scope)) return null;
  return line;
}

/** A statistic's line in the form `insert-statistics` splits: without `kind`, U+001D for null. */
export function splitForm(line: string): string {
  const fields = line.split(FIELD_SEPARATOR);
  fields.splice(1, 1);
  return fields.map((field) => (field === '' ? NULL_MARK : field)).join(FIELD_SEPARATOR);
}

/** A link from a statistic to a target (ids never hold reserved characters). */
export function packLink(statisticId: string, targetId: string): string {
  return `${statisticId}${FIELD_SEPARATOR}${targetId}`;
}

export function packRows(rows: readonly string[]): string {
  return rows.join(ROW_SEPARATOR);
}

const NUMERIC_COLUMNS: ReadonlySet<string> = new Set(['value', 'changePercent', 'low', 'high']);

/** A statistic's line back as its row (numbers as numbers, empty fields as null). */
export function unpackStatistic(line: string): WriteRow {
  const fields = line.split(FIELD_SEPARATOR);
  fields.splice(1, 1);
  const row: Record<string, WriteRow[string]> = {};
  STATISTIC_COLUMNS.forEach((column, i) => {
    const value = fields[i];
    if (value === undefined || value === '') row[column] = null;
    else if (NUMERIC_COLUMNS.has(column)) row[column] = Number(value);
    else row[column] = value;
  });
  return row;
}

/** Where the fields of a statistic's key sit in its line (its columns, `kind` second). */
const KEY_FIELDS = (['metric', 'periodStart', 'periodEnd', 'subjectId'] as const).map(
  (column) => STATISTIC_COLUMNS.indexOf(column) + 1,
);
const LAST_KEY_FIELD = Math.max(...KEY_FIELDS);

/** A statistic's id and the fields of its key (statisticKey), read from its line without splitting all of it. */
export function keyFieldsOfLine(line: string): {
  id: string;
  metric: string;
  periodStart: string;
  periodEnd: string;
  subjectId: string;
} {
  const fields: string[] = [];
  let start = 0;
  for (let i = 0; i <= LAST_KEY_FIELD; i += 1) {
    const end = line.indexOf(FIELD_SEPARATOR, start);
    fields.push(end < 0 ? line.slice(start) : line.slice(start, end));
    start = end + 1;
  }
  const [metric, periodStart, periodEnd, subjectId] = KEY_FIELDS.map((i) => fields[i] ?? '') as [
    string,
    string,
    string,
    string,
  ];
  return { id: fields[0] ?? '', metric, periodStart, periodEnd, subjectId };
}
