import { stringify } from 'csv-stringify/sync';

/**
 * Turns a GraphQL answer into one flat table: one row per innermost object, with the fields of
 * every object above it repeated. Shared by `GET /export.csv`, `tradegraph export --flat` and the
 * explorer page's "Download CSV" buttons, so a table downloaded from the page and the same answer
 * exported over HTTP have the same columns and rows. Pure: no Node or browser API.
 *
 * - A column is the path of field names to a value (`rows.subject.name`, `rows.statistics.source.url`);
 *   with one root field, its name is left out.
 * - A nested object adds its fields to its parent's row; a list of objects makes one row per item
 *   (an empty list leaves the parent's row alone); a list of scalars is one cell, items joined by " | ".
 * - Sibling lists are not multiplied together: each adds its own rows (the other list's columns empty).
 */

export type FlatCell = string | number | boolean | null;
export type FlatRow = Readonly<Record<string, FlatCell>>;

export interface FlatTable {
  /** Column names, in the order first met. */
  readonly columns: readonly string[];
  readonly rows: readonly FlatRow[];
}

type Row = Map<string, FlatCell>;

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

const cell = (value: unknown): FlatCell =>
  value === null || value === undefined
    ? null
    : typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
      ? value
      : JSON.stringify(value);

function rowsOf(value: Record<string, unknown>, prefix: string, columns: Set<string>): Row[] {
  const base: Row = new Map();
  const branches: Row[][] = [];
  for (const [key, item] of Object.entries(value)) {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    if (Array.isArray(item)) {
      // An empty list says nothing about its items: no column, no row of its own.
      if (item.length === 0) continue;
      if (item.every((each) => !isObject(each) && !Array.isArray(each))) {
        columns.add(path);
        base.set(path, item.map((each) => String(cell(each) ?? '')).join(' | '));
      } else {
        branches.push(
          item.flatMap((each): Row[] => {
            if (isObject(each)) return rowsOf(each, path, columns);
            columns.add(path);
            return [new Map([[path, cell(each)]])];
          }),
        );
      }
    } else if (isObject(item)) {
      const nested = rowsOf(item, path, columns);
      if (nested.length === 1 && nested[0]) for (const [name, each] of nested[0]) base.set(name, each);
      else branches.push(nested);
    } else {
      columns.add(path);
      base.set(path, cell(item));
    }
  }
  const filled = branches.filter((branch) => branch.length > 0);
  if (filled.length === 0) return [base];
  return filled.flatMap((branch) => branch.map((row) => new Map([...base, ...row])));
}

/** Flattens a GraphQL answer's `data` (or any part of it) into rows and columns. */
export function flattenAnswer(data: unknown): FlatTable {
  if (!isObject(data)) return { columns: [], rows: [] };
  const keys = Object.keys(data);
  const only = keys.length === 1 ? keys[0] : undefined;
  const columns = new Set<string>();
  let rows: Row[];
  if (only !== undefined) {
    const root = data[only];
    if (Array.isArray(root)) rows = rowsOf({ [only]: root }, '', columns);
    else if (isObject(root)) rows = rowsOf(root, '', columns);
    else rows = rowsOf({ [only]: root }, '', columns);
    // A single root list reads better without its name in every column.
    if (Array.isArray(root)) {
      const strip = (name: string): string =>
        name.startsWith(`${only}.`) ? name.slice(only.length + 1) : name;
      const renamed = new Set([...columns].map(strip));
      return {
        columns: [...renamed],
        rows: rows
          .filter((row) => row.size > 0)
          .map((row) => Object.fromEntries([...row].map(([name, each]) => [strip(name), each]))),
      };
    }
  } else {
    rows = rowsOf(data, '', columns);
  }
  return {
    columns: [...columns],
    rows: rows.filter((row) => row.size > 0).map((row) => Object.fromEntries(row)),
  };
}

/** The table as CSV text (RFC 4180, a header row, CRLF line ends, empty cells for nulls). */
export function flatCsv(table: FlatTable): string {
  const columns = [...table.columns];
  return stringify(
    table.rows.map((row) => columns.map((column) => row[column] ?? null)),
    {
      header: true,
      columns,
      record_delimiter: 'windows',
      cast: { boolean: (value) => (value ? 'true' : 'false') },
    },
  );
}
