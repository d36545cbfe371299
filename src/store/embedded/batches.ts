import type { ParamValue } from '../values.js';

type Item = { readonly [key: string]: ParamValue };
type NumberKind = 'int' | 'double';

const numberKind = (value: ParamValue | undefined): NumberKind | null =>
  typeof value === 'number' ? (Number.isInteger(value) ? 'int' : 'double') : null;

/**
 * Ladybug infers one STRUCT type for a list parameter and refuses a list whose rows disagree
 * (an integer `value` in one row and a fractional one in the next); every row must also have
 * the same fields. This gives every row every field (missing ones as null) and groups the rows
 * so that, within a group, each numeric field is all integers or all fractions (nulls fit either).
 */
export function homogeneousBatches<T extends Item>(rows: readonly T[], maxRows: number): T[][] {
  const fields = [...new Set(rows.flatMap((row) => Object.keys(row)))].sort();
  const groups: { kinds: Map<string, NumberKind>; rows: T[] }[] = [];
  for (const row of rows) {
    const complete = Object.fromEntries(fields.map((field) => [field, row[field] ?? null])) as T;
    const kinds = new Map<string, NumberKind>();
    for (const field of fields) {
      const kind = numberKind(complete[field]);
      if (kind) kinds.set(field, kind);
    }
    const fits = (group: { kinds: Map<string, NumberKind> }): boolean =>
      [...kinds].every(([field, kind]) => (group.kinds.get(field) ?? kind) === kind);
    const group = groups.find(fits);
    if (group) {
      group.rows.push(complete);
      for (const [field, kind] of kinds) group.kinds.set(field, kind);
    } else groups.push({ kinds, rows: [complete] });
  }
  const batches: T[][] = [];
  for (const group of groups) {
    for (let i = 0; i < group.rows.length; i += maxRows) batches.push(group.rows.slice(i, i + maxRows));
  }
  return batches;
}
