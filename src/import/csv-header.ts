import { parse } from 'csv-parse/sync';
import { csvColumnsOf, inputFieldsOf, type RecordKind } from '../records/record-kinds.js';
import type { ProblemSink } from './problems.js';

/** A column of a CSV file in the project's format: a field of the file's kind, and where it is. */
export type CsvColumn = { readonly name: string; readonly index: number };

export interface CsvHeader {
  readonly columns: CsvColumn[];
  /** How many cells a row has (the header's). */
  readonly width: number;
}

/**
 * The header of a CSV file in the project's format, from its first block: the columns that are
 * fields of the file's kind (unknown and repeated ones are reported once), the rest of the block
 * and the line it starts on. Null when the block holds only blank lines.
 */
export function csvHeader(
  file: { readonly name: string; readonly kind: RecordKind | null },
  text: string,
  firstLine: number,
  problems: ProblemSink,
): { header: CsvHeader; rest: string; firstLine: number } | null {
  let start = 0;
  let line = firstLine;
  // Blank lines before the header are skipped.
  while (start < text.length) {
    const end = text.indexOf('\n', start);
    const candidate = text.slice(start, end < 0 ? text.length : end);
    if (candidate.trim() !== '') break;
    start = end < 0 ? text.length : end + 1;
    line += 1;
  }
  if (start >= text.length) return null;
  const [cells] = parse(text.slice(start), {
    relax_column_count: true,
    bom: false,
    to_line: 1,
  }) as string[][];
  const names = (cells ?? []).map((cell) => cell.trim());
  const kind = file.kind as RecordKind;
  const known = new Set(csvColumnsOf(kind, inputFieldsOf(kind)));
  const columns: CsvColumn[] = [];
  const seen = new Set<string>();
  names.forEach((name, position) => {
    if (seen.has(name)) {
      problems.push({ file: file.name, line, record: '-', field: name, message: 'is a repeated column' });
    } else if (name === 'kind' || known.has(name)) {
      columns.push({ name, index: position });
    } else {
      problems.push({
        file: file.name,
        line,
        record: '-',
        field: name,
        message: `is not a field of ${kind} (fields: ${[...known].join(', ')})`,
      });
    }
    seen.add(name);
  });
  // The header record ends at the first line break outside quotes.
  let quoted = false;
  let end = text.length;
  for (let i = start; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 34) quoted = !quoted;
    else if (c === 10 && !quoted) {
      end = i;
      break;
    }
  }
  const headerText = text.slice(start, end);
  const breaks = headerText.split('\n').length - 1;
  return {
    header: { columns, width: names.length },
    rest: text.slice(end + 1),
    firstLine: line + breaks + 1,
  };
}
