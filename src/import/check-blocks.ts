import { parse } from 'csv-parse/sync';
import { NODE_KINDS } from '../domain/kinds.js';
import { checkRecord, type Checked } from './check-records.js';
import { keyHashes } from './id-index.js';
import { numberCell } from './input-files.js';
import { factFieldsOf, sourceColumn } from '../domain/facts.js';
import { LIST_FIELDS, NUMBER_FIELDS, factOfCells, type RecordKind } from '../records/record-kinds.js';
import { FIELD_SEPARATOR } from './packed-rows.js';
import type { Problem } from './problems.js';

/**
 * Checking a block of a file: its lines (JSON Lines) or rows (CSV) turned into records, each
 * checked by checkRecord (check-records.ts), and the results gathered as plain data a worker
 * thread can send back (check-worker.ts, check-pool.ts): packed statistics as a few large values.
 */

/** A block of whole lines (JSON Lines) or whole records (CSV) of one file, to check. */
export interface CheckRequest {
  readonly format: 'jsonl' | 'csv';
  readonly fileName: string;
  /** The kind the file's name says (null: each JSON line says). */
  readonly kind: RecordKind | null;
  readonly text: string;
  /** 1-based line of the block's first line in its file. */
  readonly firstLine: number;
  /** CSV: the fields of the record kind, by column (from the file's header). */
  readonly columns?: readonly { readonly name: string; readonly index: number }[];
  /** CSV: how many cells a row has (the header's). */
  readonly width?: number;
}

export interface CheckResponse {
  /** Checked records, except the packed statistics below. */
  readonly checked: Checked[];
  /**
   * Statistics with a packed row, compactly (a million of them cross threads as a few large
   * values rather than a million objects): the packed rows joined by line breaks, and per row four
   * numbers: its line, its content hash and the two hashes of its id (id-index.ts).
   */
  readonly packed: string;
  readonly packedMeta: Uint32Array;
  /** The ids of those statistics, joined by line breaks. */
  readonly packedIds: string;
  /** The distinct ids those statistics refer to (subject, destination, …, source). */
  readonly targets: string[];
  /**
   * Their links, grouped by link (0–5: MEASURES, DESTINATION, ORIGIN, FOR_SECTOR, PUBLISHED_BY,
   * STATED_IN) and target (a position in `targets`): the lines `<statistic id>U+001F<target id>`
   * the bulk loader reads, joined by line breaks. Once the main thread knows each target's kind,
   * a group goes to its file whole.
   */
  readonly links: { readonly link: number; readonly target: number; readonly lines: string }[];
  readonly problems: Problem[];
  /** Records read (valid or not). */
  readonly records: number;
}

/** Collects checked records, packed statistics apart (see CheckResponse). */
class Collector {
  readonly checked: Checked[] = [];
  private readonly rows: string[] = [];
  private readonly ids: string[] = [];
  private readonly meta: number[] = [];
  private readonly targets = new Map<string, number>();
  private readonly links = new Map<number, string[]>();

  add(checked: Checked): void {
    if (checked.t !== 's' || checked.packed === null || !checked.targets) {
      this.checked.push(checked);
      return;
    }
    const [h1, h2] = keyHashes(checked.id);
    this.rows.push(checked.packed);
    this.ids.push(checked.id);
    this.meta.push(checked.line, checked.hash, h1, h2);
    checked.targets.forEach((target, link) => {
      if (target === null) return;
      let code = this.targets.get(target);
      if (code === undefined) {
        code = this.targets.size;
        this.targets.set(target, code);
      }
      const key = link * 0x1000000 + code;
      const lines = this.links.get(key);
      const line = `${checked.id}${FIELD_SEPARATOR}${target}`;
      if (lines) lines.push(line);
      else this.links.set(key, [line]);
    });
  }

  response(problems: Problem[], records: number): CheckResponse {
    return {
      checked: this.checked,
      packed: this.rows.join('\n'),
      packedMeta: Uint32Array.from(this.meta),
      packedIds: this.ids.join('\n'),
      targets: [...this.targets.keys()],
      links: [...this.links].map(([key, lines]) => ({
        link: Math.floor(key / 0x1000000),
        target: key % 0x1000000,
        lines: lines.join('\n'),
      })),
      problems,
      records,
    };
  }
}

const KIND_NAMES: ReadonlyMap<string, RecordKind> = new Map(
  [...NODE_KINDS, 'Relationship' as const].map((kind) => [kind, kind]),
);

/** The kind a JSON line stands for: the file's, its own `kind`, or a problem when they disagree or neither says. */
function kindOfLine(
  object: Record<string, unknown>,
  request: CheckRequest,
  line: number,
  problems: Problem[],
): RecordKind | null {
  const named = object.kind;
  const id = typeof object.id === 'string' ? object.id : '-';
  const where = { file: request.fileName, line, record: id, field: 'kind' };
  if (named === undefined) {
    if (request.kind === null) {
      problems.push({
        ...where,
        message: 'is missing: name the file after its kind, or give each line a "kind"',
      });
    }
    return request.kind;
  }
  const stated = typeof named === 'string' ? KIND_NAMES.get(named) : undefined;
  if (stated === undefined) {
    problems.push({
      ...where,
      message: `"${String(named)}" is not a kind (use ${[...KIND_NAMES.keys()].join(', ')})`,
    });
    return null;
  }
  if (request.kind !== null && stated !== request.kind) {
    problems.push({ ...where, message: `is ${stated}, but the file name says ${request.kind}` });
    return null;
  }
  return stated;
}

function checkJsonLines(request: CheckRequest): CheckResponse {
  const collector = new Collector();
  const problems: Problem[] = [];
  let records = 0;
  let line = request.firstLine - 1;
  let start = 0;
  const text = request.text;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const content = text.slice(start, end);
    start = end + 1;
    line += 1;
    if (content.trim().length === 0) continue;
    records += 1;
    let value: unknown;
    try {
      value = JSON.parse(content);
    } catch (error) {
      problems.push({
        file: request.fileName,
        line,
        record: '-',
        message: `is not valid JSON (${error instanceof Error ? error.message : String(error)})`,
      });
      continue;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      problems.push({ file: request.fileName, line, record: '-', message: 'must be a JSON object' });
      continue;
    }
    let fields = value as Record<string, unknown>;
    const kind = kindOfLine(fields, request, line, problems);
    if (kind === null) continue;
    if (fields.kind !== undefined) {
      const { kind: _kind, ...rest } = fields;
      fields = rest;
    }
    const result = checkRecord({ kind, file: 0, line, fields }, request.fileName, problems);
    if (result) collector.add(result);
  }
  return collector.response(problems, records);
}

/** A CSV row as record fields: empty cells left out, lists split on `|`, numbers read as numbers. */
export function csvFields(
  kind: RecordKind,
  cells: readonly string[],
  columns: readonly { readonly name: string; readonly index: number }[],
): { fields: Record<string, unknown>; badKind: string | null } {
  const fields: Record<string, unknown> = {};
  let badKind: string | null = null;
  const facts = factFieldsOf(kind);
  const factCell: Record<string, string> = {};
  for (const { name, index } of columns) {
    const cell = cells[index] as string;
    if (name === 'kind') {
      if (cell.trim() !== '' && cell.trim() !== kind) badKind = cell.trim();
      continue;
    }
    if (facts.some((field) => name === field || name === sourceColumn(field))) {
      factCell[name] = cell;
      continue;
    }
    if (cell.trim() === '') continue;
    if (LIST_FIELDS.has(name)) {
      fields[name] = cell
        .split('|')
        .map((item) => item.trim())
        .filter((item) => item.length > 0);
    } else if (NUMBER_FIELDS.has(name)) fields[name] = numberCell(cell);
    else fields[name] = cell;
  }
  // A dated fact field's values and their sources (`opened`, `openedSource`), both `|`-separated.
  for (const field of facts) {
    const values = factCell[field] ?? '';
    const sources = factCell[sourceColumn(field)] ?? '';
    if (values.trim() !== '' || sources.trim() !== '') fields[field] = factOfCells(values, sources);
  }
  return { fields, badKind };
}

function checkCsv(request: CheckRequest): CheckResponse {
  const collector = new Collector();
  const problems: Problem[] = [];
  const kind = request.kind;
  if (kind === null) throw new Error(`the kind of ${request.fileName} is not known`);
  const columns = request.columns ?? [];
  let records = 0;
  let rows: string[][];
  try {
    rows = parse(request.text, { relax_column_count: true, bom: false }) as string[][];
  } catch (error) {
    const where = (error as { lines?: unknown }).lines;
    problems.push({
      file: request.fileName,
      ...(typeof where === 'number' ? { line: request.firstLine + where - 1 } : {}),
      record: '-',
      message: `CSV: ${error instanceof Error ? error.message : String(error)}`,
    });
    return collector.response(problems, records);
  }
  let line = request.firstLine;
  for (const cells of rows) {
    const at = line;
    line += 1;
    for (const cell of cells) {
      for (let i = cell.indexOf('\n'); i >= 0; i = cell.indexOf('\n', i + 1)) line += 1;
    }
    if (cells.length === 1 && (cells[0] as string).trim() === '') continue;
    records += 1;
    if (cells.length !== request.width) {
      problems.push({
        file: request.fileName,
        line: at,
        record: '-',
        message: `has ${cells.length} cells where the header has ${String(request.width)}`,
      });
      continue;
    }
    const { fields, badKind } = csvFields(kind, cells, columns);
    if (badKind !== null) {
      problems.push({
        file: request.fileName,
        line: at,
        record: typeof fields.id === 'string' ? fields.id : '-',
        field: 'kind',
        message: `is ${badKind}, but the file name says ${kind}`,
      });
      continue;
    }
    const result = checkRecord({ kind, file: 0, line: at, fields }, request.fileName, problems);
    if (result) collector.add(result);
  }
  return collector.response(problems, records);
}

/** Checks a block of a file: what a worker thread does, or the main thread for small files. */
export function checkBlock(request: CheckRequest): CheckResponse {
  return request.format === 'csv' ? checkCsv(request) : checkJsonLines(request);
}
