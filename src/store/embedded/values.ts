import { isNodeKind } from '../../domain/kinds.js';
import type { GraphEdge, GraphNode, GraphPath, Row, StoreValue } from '../values.js';

/** Ladybug's internal id of a node or relationship: table and offset. */
interface InternalId {
  readonly table: number;
  readonly offset: number;
}

type RawObject = Record<string, unknown>;

/**
 * Whether a value is a Date. `instanceof Date` fails for dates made in another realm (a jest
 * sandbox, a worker), and asking for the tag (`Object.prototype.toString`) cost a tenth of the
 * mapping of a wide row: a struct from the engine never holds a function, so a Date's own method
 * tells them apart.
 */
const isDate = (value: object): value is Date =>
  typeof (value as { getUTCFullYear?: unknown }).getUTCFullYear === 'function';

const keyOf = (id: unknown): string => {
  const internal = id as InternalId;
  return `${internal.table}:${internal.offset}`;
};

const isNode = (value: RawObject): boolean => '_label' in value && '_id' in value && !('_src' in value);
const isRel = (value: RawObject): boolean => '_src' in value && '_dst' in value;
const isPath = (value: RawObject): boolean => '_nodes' in value && '_rels' in value;

/** The internal-id-to-domain-id map of a row's nodes, built the first time a relationship needs it. */
class RowNodeIds {
  private ids: Map<string, string> | undefined;

  constructor(private readonly raw: RawObject) {}

  get(internal: unknown): string | undefined {
    if (!this.ids) {
      this.ids = new Map();
      collectNodeIds(this.raw, this.ids);
    }
    return this.ids.get(keyOf(internal));
  }
}

/** Collects every node in a raw row, so relationships can name their ends by domain id. */
function collectNodeIds(value: unknown, into: Map<string, string>): void {
  if (Array.isArray(value)) {
    for (const item of value) collectNodeIds(item, into);
  } else if (typeof value === 'object' && value !== null && !isDate(value)) {
    const object = value as RawObject;
    if (isNode(object)) into.set(keyOf(object._id), String(object.id));
    else for (const key in object) collectNodeIds(object[key], into);
  }
}

/** A node's or relationship's own properties: every key but the engine's (`_id`, `_label`, …). */
function properties(raw: RawObject, ids: RowNodeIds): Record<string, StoreValue> {
  const props: Record<string, StoreValue> = {};
  for (const key of Object.keys(raw)) {
    if (key.charCodeAt(0) !== 95 /* _ */) props[key] = mapValue(raw[key], ids);
  }
  return props;
}

function mapNode(raw: RawObject, ids: RowNodeIds): GraphNode {
  const label = String(raw._label);
  if (!isNodeKind(label)) throw new Error(`the embedded store returned a node of unknown kind "${label}"`);
  return { kind: label, id: String(raw.id), properties: properties(raw, ids) };
}

function mapEdge(raw: RawObject, ids: RowNodeIds): GraphEdge {
  const startId = ids.get(raw._src);
  const endId = ids.get(raw._dst);
  if (startId === undefined || endId === undefined) {
    throw new Error(`relationship ${String(raw._label)} was returned without its end nodes in the same row`);
  }
  return { type: String(raw._label), startId, endId, properties: properties(raw, ids) };
}

function mapPath(raw: RawObject, ids: RowNodeIds): GraphPath {
  return {
    nodes: (raw._nodes as RawObject[]).map((node) => mapNode(node, ids)),
    edges: (raw._rels as RawObject[]).map((rel) => mapEdge(rel, ids)),
  };
}

function mapValue(value: unknown, ids: RowNodeIds): StoreValue {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case 'string':
    case 'number':
    case 'boolean':
      return value;
    case 'bigint':
      return Number(value);
    case 'object':
      break;
    default:
      throw new Error(`the embedded store returned a value of unsupported type ${typeof value}`);
  }
  if (Array.isArray(value)) return value.map((item) => mapValue(item, ids));
  // DATE columns arrive as a Date at UTC midnight; the domain speaks ISO dates.
  if (isDate(value)) return value.toISOString().slice(0, 10);
  const object = value as RawObject;
  if ('_label' in object) {
    if (isPath(object)) return mapPath(object, ids);
    if (isRel(object)) return mapEdge(object, ids);
    if (isNode(object)) return mapNode(object, ids);
  } else if (isPath(object)) {
    return mapPath(object, ids);
  }
  const mapped: Record<string, StoreValue> = {};
  for (const key of Object.keys(object)) mapped[key] = mapValue(object[key], ids);
  return mapped;
}

/** Maps one raw row of the embedded engine to plain domain values. */
export function mapEmbeddedRow(raw: Record<string, unknown>): Row {
  const ids = new RowNodeIds(raw);
  const row: Record<string, StoreValue> = {};
  for (const key of Object.keys(raw)) row[key] = mapValue(raw[key], ids);
  return row;
}
