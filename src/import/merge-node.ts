import {
  factFieldsOf,
  factProperties,
  factText,
  isFactField,
  mergeFacts,
  sourcesProperty,
  storedFacts,
  valuesProperty,
} from '../domain/facts.js';
import type { NodeKind } from '../domain/kinds.js';
import { searchTextOf } from '../domain/normalize.js';
import { LIST_FIELDS } from '../records/record-kinds.js';
import type { WriteRow } from '../store/catalog.js';
import type { GraphNode, StoreValue } from '../store/values.js';
import type { FieldChange } from './import-options.js';

/** How a record meets the node the graph has: the row written, and what changes, field by field. */

const isEmpty = (value: StoreValue | undefined): boolean =>
  value === null || value === undefined || (Array.isArray(value) && value.length === 0);

/**
 * The row an import writes for a node the graph has: additive by default (the given fields
 * replace, lists are merged, fields set to null are cleared), or the record whole with
 * `replaceEntities`. Also the field-level changes against the stored row.
 */
export function mergeNode(
  kind: NodeKind,
  stored: WriteRow,
  item: { readonly row: WriteRow; readonly given: readonly string[]; readonly cleared: readonly string[] },
  replaceEntities: boolean,
): { row: WriteRow; changes: FieldChange[] } {
  const row: Record<string, WriteRow[string]> = { ...stored };
  if (replaceEntities) Object.assign(row, item.row);
  else {
    for (const field of item.given) {
      if (isFactField(field)) {
        // A dated fact is added beside the other sources' (src/domain/facts.ts).
        const merged = mergeFacts(storedFacts(stored, field), storedFacts(item.row, field));
        Object.assign(row, factProperties(field, merged));
        continue;
      }
      const value = item.row[field] as StoreValue;
      const before = stored[field] as StoreValue;
      if (LIST_FIELDS.has(field) && Array.isArray(value)) {
        const merged = Array.isArray(before) ? [...before] : [];
        for (const entry of value) if (!merged.includes(entry)) merged.push(entry);
        row[field] = merged as WriteRow[string];
      } else row[field] = value as WriteRow[string];
    }
    for (const field of item.cleared) {
      if (isFactField(field)) Object.assign(row, factProperties(field, []));
      else row[field] = (LIST_FIELDS.has(field) ? [] : null) as WriteRow[string];
    }
  }
  if (kind === 'Source') {
    row.searchText = searchTextOf(String(row.id), String(row.title), [String(row.publisher)]);
  } else {
    row.searchText = searchTextOf(String(row.id), String(row.name), (row.aliases as string[] | null) ?? []);
  }
  const changes: FieldChange[] = [];
  const factLists = new Set(
    factFieldsOf(kind).flatMap((field) => [valuesProperty(field), sourcesProperty(field)]),
  );
  for (const field of new Set([...Object.keys(stored), ...Object.keys(row), ...factFieldsOf(kind)])) {
    if (field === 'searchText' || field === 'id' || factLists.has(field)) continue;
    // A fact field's change is shown as its facts: [2009] → [2009, 2010-03 (a002-source)].
    const before = (
      isFactField(field) ? storedFacts(stored, field).map(factText) : (stored[field] ?? null)
    ) as StoreValue;
    const after = (
      isFactField(field) ? storedFacts(row, field).map(factText) : (row[field] ?? null)
    ) as StoreValue;
    if (equalValues(before, after)) continue;
    const lost =
      Array.isArray(before) && Array.isArray(after)
        ? before.some((entry) => !(after as unknown[]).includes(entry))
        : !isEmpty(before);
    changes.push({ field, before, after, overwrites: lost });
  }
  return { row, changes };
}

export function equalValues(a: StoreValue | undefined, b: StoreValue | undefined): boolean {
  const left = a ?? null;
  const right = b ?? null;
  if (Array.isArray(left) || Array.isArray(right)) {
    if (!Array.isArray(left) || !Array.isArray(right) || left.length !== right.length) return false;
    return left.every((item, i) => equalValues(item as StoreValue, right[i] as StoreValue));
  }
  return left === right;
}

/** Whether a stored node or relationship already holds every field of a row. */
export function holds(stored: Readonly<Record<string, StoreValue>>, row: WriteRow): boolean {
  return Object.entries(row).every(([field, value]) => equalValues(stored[field], value as StoreValue));
}

/** A stored node as the row its upsert statement takes (the inverse of the import's rows). */
export function rowOfNode(node: GraphNode): WriteRow {
  const { kind: _kind, ...rest } = node.properties;
  const properties: Record<string, StoreValue> = { ...rest };
  // Databases made before dated facts had sources keep the old single-value column, always null
  // once migrated (cypher/schema/): not a field of the row.
  for (const field of factFieldsOf(node.kind)) delete properties[field];
  if (node.kind === 'Source') {
    const { name: _name, ...source } = properties;
    return source as WriteRow;
  }
  return properties as WriteRow;
}
