import { isNodeKind } from '../../domain/kinds.js';
import type { GraphEdge, GraphNode, GraphPath, Row, StoreValue } from '../values.js';

/** Ladybug's internal id of a node or relationship: table and offset. */
interface InternalId {
  readonly table: number;
  readonly offset: number;
}

type RawObject = Record<string, unknown>;

// `instanceof Date` fails for dates made in another realm (a jest sandbox, a worker): ask the tag.
const isDate = (value: unknown): value is Date => Object.prototype.toString.call(value) === '[object Date]';

const isObject = (value: unknown): value is RawObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !isDate(value);

const keyOf = (id: unknown): string => {
  const internal = id as InternalId;
  return `${internal.table}:${internal.offset}`;
};

const isNode = (value: RawObject): boolean => '_label' in value && '_id' in value && !('_src' in value);
const isRel = (value: RawObject): boolean => '_src' in value && '_dst' in value;
const isPath = (value: RawObject): boolean => '_nodes' in value && '_rels' in value;

/** Collects every node in a raw row, so relationships can name their ends by domain id. */
function collectNodeIds(value: unknown, into: Map<string, string>): void {
  if (Array.isArray(value)) {
    for (const item of value) collectNodeIds(item, into);
  } else if (isObject(value)) {
    if (isNode(value)) into.set(keyOf(value._id), String(value.id));
    else for (const item of Object.values(value)) collectNodeIds(item, into);
  }
}

function properties(raw: RawObject, ids: ReadonlyMap<string, string>): Record<string, StoreValue> {
  const props: Record<string, StoreValue> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (!key.startsWith('_')) props[key] = mapValue(value, ids);
  }
  return props;
}

function mapNode(raw: RawObject, ids: ReadonlyMap<string, string>): GraphNode {
  const label = String(raw._label);
  if (!isNodeKind(label)) throw new Error(`the embedded store returned a node of unknown kind "${label}"`);
  return { kind: label, id: String(raw.id), properties: properties(raw, ids) };
}

function mapEdge(raw: RawObject, ids: ReadonlyMap<string, string>): GraphEdge {
  const startId = ids.get(keyOf(raw._src));
  const endId = ids.get(keyOf(raw._dst));
  if (startId === undefined || endId === undefined) {
    throw new Error(`relationship ${String(raw._label)} was returned without its end nodes in the same row`);
  }
  return { type: String(raw._label), startId, endId, properties: properties(raw, ids) };
}

function mapPath(raw: RawObject, ids: ReadonlyMap<string, string>): GraphPath {
  return {
    nodes: (raw._nodes as RawObject[]).map((node) => mapNode(node, ids)),
    edges: (raw._rels as RawObject[]).map((rel) => mapEdge(rel, ids)),
  };
}

function mapValue(value: unknown, ids: ReadonlyMap<string, string>): StoreValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  // DATE columns arrive as a Date at UTC midnight; the domain speaks ISO dates.
  if (isDate(value)) return value.toISOString().slice(0, 10);
  if (Array.isArray(value)) return value.map((item) => mapValue(item, ids));
  if (isObject(value)) {
    if (isPath(value)) return mapPath(value, ids);
    if (isRel(value)) return mapEdge(value, ids);
    if (isNode(value)) return mapNode(value, ids);
    const mapped: Record<string, StoreValue> = {};
    for (const [key, item] of Object.entries(value)) mapped[key] = mapValue(item, ids);
    return mapped;
  }
  throw new Error(`the embedded store returned a value of unsupported type ${typeof value}`);
}

/** Maps one raw row of the embedded engine to plain domain values. */
export function mapEmbeddedRow(raw: Record<string, unknown>): Row {
  const ids = new Map<string, string>();
  collectNodeIds(raw, ids);
  const row: Record<string, StoreValue> = {};
  for (const [key, value] of Object.entries(raw)) row[key] = mapValue(value, ids);
  return row;
}
