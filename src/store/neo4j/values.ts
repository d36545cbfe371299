import {
  integer,
  isDate,
  isDateTime,
  isDuration,
  isInt,
  isLocalDateTime,
  isLocalTime,
  isNode,
  isPath,
  isPoint,
  isRelationship,
  isTime,
  type Integer,
  type Node,
  type Path,
  type Record as Neo4jRecord,
  type Relationship,
} from 'neo4j-driver';
import { isNodeKind } from '../../domain/kinds.js';
import type { GraphEdge, GraphNode, GraphPath, Row, StoreValue } from '../values.js';

/** Domain ids of the nodes present in one row, by the driver's `elementId`. */
type NodeIds = ReadonlyMap<string, string>;

const isPlainObject = (value: unknown): value is Record<string, unknown> => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
};

function toSafeNumber(value: Integer): number {
  if (!integer.inSafeRange(value)) {
    throw new RangeError(
      `the neo4j store returned the integer ${value.toString()}, outside the range a JavaScript number holds exactly`,
    );
  }
  return value.toNumber();
}

function bigintToSafeNumber(value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new RangeError(
      `the neo4j store returned the integer ${value.toString()}, outside the range a JavaScript number holds exactly`,
    );
  }
  return Number(value);
}

/** The domain id of a node: its `id` property, which every kind of node carries. */
function domainId(node: Node): string | undefined {
  const id: unknown = node.properties.id;
  return typeof id === 'string' ? id : undefined;
}

/** Collects every node in a row (top level, in lists, maps and paths), so relationships can name their ends. */
function collectNodeIds(value: unknown, into: Map<string, string>): void {
  if (Array.isArray(value)) {
    for (const item of value) collectNodeIds(item, into);
  } else if (isNode(value)) {
    const id = domainId(value);
    if (id !== undefined) into.set(value.elementId, id);
  } else if (isPath(value)) {
    collectNodeIds(value.start, into);
    for (const segment of value.segments) {
      collectNodeIds(segment.start, into);
      collectNodeIds(segment.end, into);
    }
  } else if (isPlainObject(value)) {
    for (const item of Object.values(value)) collectNodeIds(item, into);
  }
}

function mapProperties(properties: Record<string, unknown>, ids: NodeIds): Record<string, StoreValue> {
  const mapped: Record<string, StoreValue> = {};
  for (const [key, value] of Object.entries(properties)) mapped[key] = mapValue(value, ids);
  return mapped;
}

function mapNode(node: Node): GraphNode {
  const [label] = node.labels;
  if (label === undefined || !isNodeKind(label)) {
    throw new Error(
      `the neo4j store returned a node of unknown kind (labels: ${node.labels.join(', ') || 'none'})`,
    );
  }
  const id = domainId(node);
  if (id === undefined) throw new Error(`the neo4j store returned a ${label} node without a string id`);
  return { kind: label, id, properties: mapProperties(node.properties, new Map()) };
}

function mapEdge(relationship: Relationship, ids: NodeIds): GraphEdge {
  const startId = ids.get(relationship.startNodeElementId);
  const endId = ids.get(relationship.endNodeElementId);
  if (startId === undefined || endId === undefined) {
    throw new Error(
      `relationship ${relationship.type} was returned without its ${startId === undefined ? 'start' : 'end'} node in the same row`,
    );
  }
  return { type: relationship.type, startId, endId, properties: mapProperties(relationship.properties, ids) };
}

function mapPath(path: Path, ids: NodeIds): GraphPath {
  return {
    nodes: [path.start, ...path.segments.map((segment) => segment.end)].map(mapNode),
    edges: path.segments.map((segment) => mapEdge(segment.relationship, ids)),
  };
}

/** A temporal value with a zone id but no offset prints as `…[Zone]`; with an offset, the offset alone is ISO 8601. */
function dateTimeToIso(value: { toString(): string; timeZoneOffsetSeconds?: unknown }): string {
  const text = value.toString();
  return value.timeZoneOffsetSeconds === undefined || value.timeZoneOffsetSeconds === null
    ? text
    : text.replace(/\[[^\]]*\]$/, '');
}

function mapValue(value: unknown, ids: NodeIds): StoreValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'bigint') return bigintToSafeNumber(value);
  if (isInt(value)) return toSafeNumber(value);
  if (Array.isArray(value)) return value.map((item) => mapValue(item, ids));
  if (isNode(value)) return mapNode(value);
  if (isRelationship(value)) return mapEdge(value, ids);
  if (isPath(value)) return mapPath(value, ids);
  // Dates are 'YYYY-MM-DD'; times and date-times their ISO 8601 text (nanoseconds kept).
  if (isDate(value)) return value.toString();
  if (isDateTime(value)) return dateTimeToIso(value);
  if (isLocalDateTime(value) || isLocalTime(value) || isTime(value) || isDuration(value))
    return value.toString();
  if (isPoint(value)) {
    const point: Record<string, StoreValue> = {
      srid: mapValue(value.srid, ids),
      x: value.x,
      y: value.y,
    };
    if (value.z !== undefined) point.z = value.z;
    return point;
  }
  if (isPlainObject(value)) return mapProperties(value, ids);
  const name = typeof value === 'object' ? (value.constructor?.name ?? 'object') : typeof value;
  throw new Error(`the neo4j store returned a value of unsupported type ${name}`);
}

/** Maps the fields of one row (by column name) to plain domain values. */
export function mapNeo4jFields(fields: Readonly<Record<string, unknown>>): Row {
  const ids = new Map<string, string>();
  collectNodeIds(Object.values(fields), ids);
  const row: Record<string, StoreValue> = {};
  for (const [key, value] of Object.entries(fields)) row[key] = mapValue(value, ids);
  return row;
}

/**
 * Maps one record of the Neo4j driver to plain domain values: integers to numbers (refusing
 * those a number cannot hold exactly), dates to ISO strings, nodes, relationships and paths to
 * GraphNode / GraphEdge / GraphPath. A relationship names its ends by their domain `id`, so
 * both end nodes must be in the same record (as columns, in a list or map, or in a path).
 */
export function mapNeo4jRecord(record: Neo4jRecord): Row {
  const fields: Record<string, unknown> = {};
  for (const key of record.keys) fields[String(key)] = record.get(key);
  return mapNeo4jFields(fields);
}
