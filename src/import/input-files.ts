import { closeSync, existsSync, openSync, readSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse';
import type { ProblemSink } from './problems.js';
import { KIND_FILE_NAMES, KIND_ORDER, type RecordKind } from '../records/record-kinds.js';
import { readUtf8 } from './text-input.js';

export type InputFormat = 'jsonl' | 'csv' | 'comtrade';

/** One file to import: how it is read, and which kind of record it holds (null: each JSON line says). */
export interface InputFile {
  readonly path: string;
  /** How problems name the file: the path as given. */
  readonly name: string;
  readonly format: InputFormat;
  readonly kind: RecordKind | null;
  readonly bytes: number;
}

/** One record as read, before validation. */
export interface InputRecord {
  readonly kind: RecordKind;
  /** Position of the file in the import plan. */
  readonly file: number;
  /** 1-based line where the record starts. */
  readonly line: number;
  readonly fields: Record<string, unknown>;
  /**
   * Create the node only when the graph has no node with this id, and never change an existing
   * one (nodes a Comtrade file implies: its countries and HS sectors).
   */
  readonly ensure?: boolean;
}

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** A CSV cell read as a number when it is written as one; otherwise the text, for validation to refuse. */
export function numberCell(text: string): number | string {
  const trimmed = text.trim();
  return NUMBER.test(trimmed) ? Number(trimmed) : text;
}

/** The record kind a file's name announces: `companies.csv`, `2026.statistics.jsonl`, `new-companies.csv`. */
export function kindFromName(file: string): RecordKind | null {
  const base = path.basename(file).toLowerCase();
  const match = /(?:^|[._-])([a-z]+)\.(?:csv|jsonl|ndjson)$/.exec(base);
  return match ? (KIND_FILE_NAMES.get(match[1] as string) ?? null) : null;
}

/** The columns of UN Comtrade's data API v1 CSV that the import needs. */
export const COMTRADE_REQUIRED_COLUMNS = [
  'refYear',
  'refMonth',
  'reporterISO',
  'flowCode',
  'partnerCode',
  'partnerISO',
  'cmdCode',
  'primaryValue',
] as const;

/** The first line of a file (up to 64 KiB), without a byte order mark. */
function firstLine(file: string): string {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(1 << 16);
    const read = readSync(fd, buffer, 0, buffer.length, 0);
    const text = buffer
      .subarray(0, read)
      .toString('utf8')
      .replace(/^\uFEFF/, '');
    return text.split(/\r?\n/, 1)[0] ?? '';
  } finally {
    closeSync(fd);
  }
}

function looksLikeComtrade(file: string): boolean {
  const columns = new Set(
    firstLine(file)
      .split(',')
      .map((c) => c.trim().replace(/^"|"$/g, '')),
  );
  return COMTRADE_REQUIRED_COLUMNS.every((column) => columns.has(column));
}

const FORMAT_ORDER: Record<InputFormat, number> = { csv: 0, jsonl: 0, comtrade: 2 };

/**
 * Turns the paths given to an import into the files to read, in the order they are read: the
 * project's own files by kind (sources first, statistics last, as in `data/`), then JSON Lines
 * files whose lines name their kind, then UN Comtrade files. A directory stands for the files in
 * it that have a known name. Files that cannot be read or recognised are reported as problems.
 */
export function planInputs(paths: readonly string[], problems: ProblemSink): InputFile[] {
  const files: InputFile[] = [];
  const add = (file: string, fromDirectory: boolean): void => {
    const name = file;
    const extension = path.extname(file).toLowerCase();
    if (!['.csv', '.jsonl', '.ndjson'].includes(extension)) {
      if (!fromDirectory) {
        problems.push({ file: name, record: '-', message: 'is not a .csv, .jsonl or .ndjson file' });
      }
      return;
    }
    const kind = kindFromName(file);
    const bytes = statSync(file).size;
    if (extension === '.csv') {
      if (kind === null && looksLikeComtrade(file)) {
        files.push({ path: file, name, format: 'comtrade', kind: 'Statistic', bytes });
      } else if (kind === null) {
        if (!fromDirectory) {
          problems.push({
            file: name,
            record: '-',
            message:
              'cannot tell what the rows are: name the file after its kind (companies.csv, statistics.csv, …) or give UN Comtrade columns',
          });
        }
      } else files.push({ path: file, name, format: 'csv', kind, bytes });
      return;
    }
    files.push({ path: file, name, format: 'jsonl', kind, bytes });
  };
  for (const given of paths) {
    if (!existsSync(given)) {
      problems.push({ file: given, record: '-', message: 'does not exist' });
      continue;
    }
    if (statSync(given).isDirectory()) {
      for (const entry of readdirSync(given).sort()) {
        const full = path.join(given, entry);
        if (statSync(full).isFile()) add(full, true);
      }
    } else add(given, false);
  }
  const rank = (file: InputFile): number =>
    FORMAT_ORDER[file.format] * 100 + (file.kind === null ? 50 : KIND_ORDER.indexOf(file.kind));
  return files
    .map((file, index) => ({ file, index }))
    .sort((a, b) => rank(a.file) - rank(b.file) || a.index - b.index)
    .map(({ file }) => file);
}

/** Where reading stands, for progress: bytes of all files read so far. */
export type OnBytes = (bytes: number) => void;

/**
 * Rows of a CSV file with a header row, each with the 1-based line it starts on (a quoted cell may
 * span lines). Blank lines are skipped; a row whose number of cells differs from the header is
 * reported. Stops at a syntax error (an unclosed quote), which is reported with its line.
 */
export async function* readCsvRows(
  input: InputFile,
  problems: ProblemSink,
  onBytes?: OnBytes,
): AsyncGenerator<{ header: readonly string[]; line: number; cells: string[] }> {
  const parser = parse({ relax_column_count: true, bom: false });
  const source = readUtf8(input.path, onBytes);
  const feed = (async () => {
    try {
      for await (const chunk of source) {
        if (!parser.write(chunk)) await new Promise<void>((resolve) => parser.once('drain', () => resolve()));
      }
      parser.end();
    } catch (error) {
      parser.destroy(error instanceof Error ? error : new Error(String(error)));
    }
  })();
  let header: string[] | null = null;
  let line = 1;
  try {
    for await (const cells of parser as AsyncIterable<string[]>) {
      const at = line;
      line += 1;
      for (const cell of cells) {
        for (let i = cell.indexOf('\n'); i >= 0; i = cell.indexOf('\n', i + 1)) line += 1;
      }
      if (cells.length === 1 && (cells[0] as string).trim() === '') continue;
      if (header === null) {
        header = cells.map((cell) => cell.trim());
        continue;
      }
      if (cells.length !== header.length) {
        problems.push({
          file: input.name,
          line: at,
          record: '-',
          message: `has ${cells.length} cells where the header has ${header.length}`,
        });
        continue;
      }
      yield { header, line: at, cells };
    }
  } catch (error) {
    const where = (error as { lines?: unknown }).lines;
    if (error instanceof Error && error.name === 'EncodingError') throw error;
    problems.push({
      file: input.name,
      ...(typeof where === 'number' ? { line: where } : {}),
      record: '-',
      message: `CSV: ${error instanceof Error ? error.message : String(error)}`,
    });
  } finally {
    await feed;
  }
  if (header === null)
    problems.push({ file: input.name, line: 1, record: '-', message: 'has no header row' });
}
