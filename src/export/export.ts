import { createWriteStream, mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { stringify, type Stringifier } from 'csv-stringify';
import { NODE_KINDS, type NodeKind } from '../domain/kinds.js';
import type { GraphStore } from '../store/graph-store.js';
import { neighbourhood, selection, wholeGraph, type GraphRecord } from '../records/graph-records.js';
import { GraphmlWriter } from './graphml.js';
import { isFactField } from '../domain/facts.js';
import {
  csvColumnsOf,
  factCells,
  fieldsOf,
  KIND_FILE_NAMES,
  type RecordKind,
} from '../records/record-kinds.js';
import { ImportError } from '../records/errors.js';

/**
 * Export of the graph in the formats import reads (JSON Lines, CSV) and as GraphML: the whole
 * graph, an entity's neighbourhood, or chosen nodes (a query's answer), always with the sources they cite. See docs/import-export.md.
 */

export type ExportFormat = 'jsonl' | 'csv' | 'graphml';

export interface ExportOptions {
  readonly format: ExportFormat;
  /** Export only this entity's neighbourhood (see `neighbourhood` in graph-records.ts). */
  readonly root?: string;
  /** Steps from the root over relationship claims (default 1). */
  readonly depth?: number;
  /**
   * Export exactly these nodes (e.g. every id in a query's answer; see `selection` in
   * graph-records.ts), with the claims among them and what they cite. Not with `root`.
   */
  readonly ids?: readonly string[];
}

export interface ExportSummary {
  readonly nodes: Readonly<Record<NodeKind, number>>;
  readonly relationships: number;
  /** Files written (CSV: one per kind; JSON Lines and GraphML: the one given, if any). */
  readonly files: readonly string[];
}

const FILE_NAMES: ReadonlyMap<RecordKind, string> = new Map(
  [...KIND_FILE_NAMES].map(([name, kind]) => [kind, name]),
);

interface CsvFile {
  readonly kind: RecordKind;
  readonly csv: Stringifier;
  readonly done: Promise<void>;
}

async function write(out: Writable, text: string): Promise<void> {
  if (!out.write(text)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
}

async function end(out: Writable): Promise<void> {
  out.end();
  await finished(out);
}

/** A record as one CSV row: lists joined by `|`, absent fields empty. */
function csvRow(kind: RecordKind, record: Record<string, unknown>): string[] {
  return fieldsOf(kind).flatMap((field) => {
    const value = record[field];
    if (isFactField(field)) {
      // A dated fact field: its values, then the source of each (docs/import-export.md).
      const { values, sources } = factCells(value);
      return [values, sources];
    }
    if (value === undefined || value === null) return '';
    if (Array.isArray(value)) {
      const items = value.map(String);
      const bad = items.find((item) => item.includes('|'));
      if (bad !== undefined) {
        throw new ImportError(
          `${String(record.id)}: the ${field} item "${bad}" contains "|", which CSV uses between list items; export as jsonl instead`,
        );
      }
      return items.join('|');
    }
    return String(value);
  });
}

/**
 * Writes the graph (or a neighbourhood) to `target`: for `jsonl` and `graphml` a file path or a
 * stream (stdout); for `csv` a directory, which gets one file per kind named as in `data/`
 * (`sources.csv`, `companies.csv`, …, `relationships.csv`, `statistics.csv`).
 */
export async function exportGraph(
  store: GraphStore,
  target: string | Writable,
  options: ExportOptions,
): Promise<ExportSummary> {
  if (options.root !== undefined && options.ids !== undefined) {
    throw new ImportError('export either a root and its neighbourhood or a list of ids, not both');
  }
  const records: AsyncIterable<GraphRecord> =
    options.ids !== undefined
      ? selection(store, options.ids)
      : options.root !== undefined
        ? neighbourhood(store, options.root, options.depth ?? 1)
        : wholeGraph(store);
  const nodes = Object.fromEntries(NODE_KINDS.map((kind) => [kind, 0])) as Record<NodeKind, number>;
  let relationships = 0;
  const count = (kind: RecordKind): void => {
    if (kind === 'Relationship') relationships += 1;
    else nodes[kind] += 1;
  };
  const files: string[] = [];

  if (options.format === 'csv') {
    if (typeof target !== 'string')
      throw new ImportError('a CSV export needs a directory to write its files to');
    mkdirSync(target, { recursive: true });
    const state: { current: CsvFile | null } = { current: null };
    const close = async (): Promise<void> => {
      const current = state.current;
      if (!current) return;
      current.csv.end();
      await current.done;
      state.current = null;
    };
    for await (const { kind, record } of records) {
      let current = state.current;
      if (current?.kind !== kind) {
        await close();
        const file = path.join(target, `${FILE_NAMES.get(kind) ?? kind}.csv`);
        const out = createWriteStream(file);
        const csv: Stringifier = stringify({ header: true, columns: csvColumnsOf(kind) });
        csv.pipe(out);
        current = { kind, csv, done: finished(out) };
        state.current = current;
        files.push(file);
      }
      const csv = current.csv;
      if (!csv.write(csvRow(kind, record)))
        await new Promise<void>((resolve) => csv.once('drain', () => resolve()));
      count(kind);
    }
    await close();
    return { nodes, relationships, files };
  }

  // A file appears under its name only when complete: an export that fails leaves nothing behind.
  const partial = typeof target === 'string' ? `${target}.partial` : null;
  const out = partial === null ? (target as Writable) : createWriteStream(partial);
  try {
    if (options.format === 'jsonl') {
      for await (const { kind, record } of records) {
        await write(out, `${JSON.stringify({ kind, ...record })}\n`);
        count(kind);
      }
    } else {
      const graphml = new GraphmlWriter();
      await write(out, graphml.header());
      for await (const item of records) {
        await write(out, graphml.element(item));
        count(item.kind);
      }
      await write(out, graphml.footer());
    }
    if (partial !== null) {
      await end(out);
      renameSync(partial, target as string);
      files.push(target as string);
    }
  } catch (error) {
    if (partial !== null) {
      out.destroy();
      rmSync(partial, { force: true });
    }
    throw error;
  }
  return { nodes, relationships, files };
}
