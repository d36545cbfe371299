import type { z } from 'zod';
import { isFactField, sourceColumn } from '../domain/facts.js';
import { isEntityKind, type NodeKind } from '../domain/kinds.js';
import { RECORD_FILES } from './records.js';

/*
 * The record format import and export share: the kinds of record, the names of their files and
 * the fields each may have.
 */

/** What one input record is: a node kind, or a relationship claim. */
export type RecordKind = NodeKind | 'Relationship';

/** The name a file is known by (`companies`), for each record kind, from the files of `data/`. */
export const KIND_FILE_NAMES: ReadonlyMap<string, RecordKind> = new Map(
  Object.entries(RECORD_FILES).map(([file, { kind }]) => [file.replace(/\.yaml$/, ''), kind as RecordKind]),
);

/** The order kinds are imported in, so references point backwards where they can (sources first, statistics last). */
export const KIND_ORDER: readonly RecordKind[] = Object.values(RECORD_FILES).map(
  ({ kind }) => kind as RecordKind,
);

const SCHEMAS: ReadonlyMap<RecordKind, z.ZodType> = new Map(
  Object.values(RECORD_FILES).map(({ kind, schema }) => [kind as RecordKind, schema as z.ZodType]),
);

/** The schema of each record kind. */
export function schemaOf(kind: RecordKind): z.ZodType {
  const schema = SCHEMAS.get(kind);
  if (!schema) throw new Error(`no record schema for ${kind}`);
  return schema;
}

/** The fields a record of a kind may have: the keys of its schema. */
export function fieldsOf(kind: RecordKind): string[] {
  const schema = schemaOf(kind) as unknown as { shape?: Record<string, unknown>; def?: { in?: unknown } };
  const shape =
    schema.shape ?? (schema.def?.in as { shape?: Record<string, unknown> } | undefined)?.shape ?? {};
  return Object.keys(shape);
}

/** Fields written in CSV as a list of values separated by `|`. */
export const LIST_FIELDS: ReadonlySet<string> = new Set([
  'aliases',
  'sources',
  'products',
  'hsCodes',
  'naicsCodes',
]);
/** Fields read from CSV as numbers. */
export const NUMBER_FIELDS: ReadonlySet<string> = new Set(['value', 'changePercent', 'low', 'high']);

/**
 * `sameAs`: an entity record (any kind but Source, Statistic and Relationship) may name an existing
 * node of its kind it is the same as; the import then merges the record into that node and reads
 * the record's own id, wherever the change uses it, as that node's (docs/import-export.md). Not a
 * property, so not in the record schemas: an instruction to the import, read before them.
 */
export const SAME_AS_FIELD = 'sameAs';

/** Whether records of a kind may carry `sameAs`. */
export const takesSameAs = (kind: RecordKind): boolean => isEntityKind(kind);

/** The fields a record of a kind may have in an import file: its schema's, and `sameAs` where it applies. */
export function inputFieldsOf(kind: RecordKind): string[] {
  return takesSameAs(kind) ? [...fieldsOf(kind), SAME_AS_FIELD] : fieldsOf(kind);
}

/**
 * The columns of a kind's CSV files: its fields, each dated fact field followed by the column
 * naming each value's source (`opened`, `openedSource`; see docs/import-export.md).
 */
export function csvColumnsOf(kind: RecordKind, fields: readonly string[] = fieldsOf(kind)): string[] {
  return fields.flatMap((field) => (isFactField(field) ? [field, sourceColumn(field)] : [field]));
}

/** A dated fact field's value as its two CSV cells: values, and their sources, each joined by `|`. */
export function factCells(value: unknown): { values: string; sources: string } {
  if (typeof value === 'string') return { values: value, sources: '' };
  if (!Array.isArray(value)) return { values: '', sources: '' };
  const items = value as { value?: unknown; source?: unknown }[];
  const sources = items.map((item) => (typeof item.source === 'string' ? item.source : ''));
  return {
    values: items.map((item) => String(item.value)).join('|'),
    sources: sources.some((source) => source !== '') ? sources.join('|') : '',
  };
}

/**
 * A dated fact field from its two CSV cells: one value without sources is the old form; else one
 * `{ value, source }` per `|`-separated item, an empty source item meaning none (the record's own
 * sources). Items left unpaired are given as they are, for the record's schema to report.
 */
export function factOfCells(values: string, sources: string): unknown {
  const split = (cell: string): string[] =>
    cell.trim() === '' ? [] : cell.split('|').map((item) => item.trim());
  const valueItems = split(values);
  const sourceItems = split(sources);
  if (sourceItems.length === 0 && valueItems.length === 1) return valueItems[0];
  return Array.from({ length: Math.max(valueItems.length, sourceItems.length) }, (_, i) => {
    const value = valueItems[i];
    const source = sourceItems[i];
    return {
      ...(value === undefined || value === '' ? {} : { value }),
      ...(source === undefined || source === '' ? {} : { source }),
    };
  });
}
