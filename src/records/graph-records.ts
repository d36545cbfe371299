import { inputOfFacts, isFactField, storedFacts } from '../domain/facts.js';
import { ENTITY_KINDS, isEntityKind, type NodeKind } from '../domain/kinds.js';
import { RELATIONSHIP_TYPES, type RelationshipType } from '../domain/relationships.js';
import { findNodes } from '../store/find-nodes.js';
import { outgoingRelationships, relationsOf, statisticsBySubjects } from '../store/catalog.js';
import { EVERY_STATISTIC } from '../store/statistic-read-statements.js';
import { listStatement } from '../store/generated-statements.js';
import { relationsOfKind } from '../store/relation-statements.js';
import type { GraphStore } from '../store/graph-store.js';
import type { GraphEdge, GraphNode, StoreValue } from '../store/values.js';
import { fieldsOf, type RecordKind } from './record-kinds.js';
import { RECORD_FILES } from './records.js';
import { ImportError } from './errors.js';

/**
 * The stored graph read back as records of the import format (the fields of `data/`): what
 * export writes, and what import reads, so an exported graph imports into an identical one.
 */

export interface GraphRecord {
  readonly kind: RecordKind;
  readonly record: Record<string, unknown>;
}

/** Kinds in the order of `data/`: sources first, entities, then relationships and statistics. */
export const RECORD_KIND_ORDER: readonly RecordKind[] = Object.values(RECORD_FILES).map(
  ({ kind }) => kind as RecordKind,
);

const PAGE = 1000;

const present = (value: StoreValue | undefined): boolean =>
  value !== null && value !== undefined && !(Array.isArray(value) && value.length === 0);

/** A stored node as the record it was imported from (absent fields and empty lists left out). */
export function recordOfNode(node: GraphNode): Record<string, unknown> {
  const p = node.properties;
  if (node.kind === 'Statistic') {
    const record: Record<string, unknown> = {};
    const fields: [string, string][] = [
      ['id', 'id'],
      ['subject', 'subjectId'],
      ['metric', 'metric'],
      ['value', 'value'],
      ['unit', 'unit'],
      ['period', 'period'],
      ['destination', 'destinationId'],
      ['origin', 'originId'],
      ['sector', 'sectorId'],
      ['publishedBy', 'publishedById'],
      ['source', 'sourceId'],
      ['changePercent', 'changePercent'],
      ['changeComparedTo', 'changeComparedTo'],
      ['scope', 'scope'],
    ];
    for (const [field, property] of fields) if (present(p[property])) record[field] = p[property];
    // Exact figures with a stated period (and statistics stored before qualifiers) leave the
    // fields out, as data/ does; a range gives its ends, a bound or approximation its qualifier.
    if (present(p.qualifier) && p.qualifier !== 'exact') record.qualifier = p.qualifier;
    if (p.qualifier === 'range') {
      record.low = p.low;
      record.high = p.high;
    }
    if (present(p.periodBasis) && p.periodBasis !== 'stated') record.periodBasis = p.periodBasis;
    return record;
  }
  const record: Record<string, unknown> = {};
  for (const field of fieldsOf(node.kind)) {
    if (isFactField(field)) {
      // A dated fact field: its one unsourced value in the old form, else one { value, source } each.
      const facts = inputOfFacts(storedFacts(p, field));
      if (facts !== undefined) record[field] = facts;
    } else if (present(p[field])) record[field] = p[field];
  }
  return record;
}

/** A stored claim as its relationship record (properties its type cannot carry left out). */
export function recordOfClaim(edge: GraphEdge): Record<string, unknown> {
  const type = edge.type as RelationshipType;
  const extra = RELATIONSHIP_TYPES[type].properties as readonly string[];
  const record: Record<string, unknown> = { type, from: edge.startId, to: edge.endId };
  for (const field of ['source', 'asOf', ...extra, 'note']) {
    if (present(edge.properties[field])) record[field] = edge.properties[field];
  }
  return record;
}

export const isClaim = (edge: GraphEdge): boolean => Object.hasOwn(RELATIONSHIP_TYPES, edge.type);

/**
 * Every node of a kind, a page at a time, in id order. Each page is a statement that reads past
 * the previous page's last id, so larger pages read a large graph in fewer passes.
 */
export async function* nodePages(
  store: GraphStore,
  kind: NodeKind,
  pageSize = PAGE,
): AsyncGenerator<GraphNode[]> {
  let after = '';
  for (;;) {
    const rows = await store.read(listStatement(kind), { after, limit: pageSize });
    if (rows.length === 0) return;
    yield rows.map((row) => row.node);
    after = rows[rows.length - 1]?.node.id ?? after;
    if (rows.length < pageSize) return;
  }
}

/** The relationships leaving each of these nodes (claims and statistic links), with the properties they hold. */
export async function outgoing(store: GraphStore, ids: readonly string[]): Promise<GraphEdge[]> {
  if (ids.length === 0) return [];
  const rows = await store.read(outgoingRelationships, { ids: [...ids] });
  return rows.map(({ from, type, to, ...rest }) => {
    const properties: Record<string, StoreValue> = {};
    for (const [key, value] of Object.entries(rest)) if (value !== null) properties[key] = value;
    return { type, startId: from, endId: to, properties };
  });
}

/**
 * The relationship claims leaving each of these nodes of one kind, through the kind's id index
 * (claims only: statistics' links are not claims). Unknown ids and kinds that start no claim give none.
 */
export async function outgoingClaims(
  store: GraphStore,
  kind: NodeKind,
  ids: readonly string[],
): Promise<GraphEdge[]> {
  if (ids.length === 0 || !isEntityKind(kind)) return [];
  const rows = await store.read(relationsOfKind(kind), { ids: [...ids] });
  return rows.filter((row) => row.relationship.startId === row.id).map((row) => row.relationship);
}

const claimOrder = (a: GraphEdge, b: GraphEdge): number =>
  `${a.type}|${a.startId}|${a.endId}|${String(a.properties.source)}`.localeCompare(
    `${b.type}|${b.startId}|${b.endId}|${String(b.properties.source)}`,
  );

/** The whole graph as records, kind by kind in the order of `data/`, each kind in id order. */
export async function* wholeGraph(store: GraphStore): AsyncGenerator<GraphRecord> {
  for (const kind of RECORD_KIND_ORDER) {
    if (kind === 'Relationship') {
      for (const entityKind of ENTITY_KINDS) {
        for await (const page of nodePages(store, entityKind)) {
          const claims = (
            await outgoingClaims(
              store,
              entityKind,
              page.map((node) => node.id),
            )
          ).sort(claimOrder);
          for (const claim of claims) yield { kind, record: recordOfClaim(claim) };
        }
      }
      continue;
    }
    for await (const page of nodePages(store, kind)) {
      for (const node of page) yield { kind, record: recordOfNode(node) };
    }
  }
}

const STATISTIC_REFERENCES = ['destinationId', 'originId', 'sectorId', 'publishedById'] as const;

/**
 * An entity and its neighbourhood as records: the entities reached over relationship claims
 * within `depth` steps (either direction), the claims among them, the statistics measuring any of
 * them, the nodes those statistics name (destination, origin, sector, publisher), and every
 * source cited by any of these. Self-contained: it imports into an empty store.
 */
export async function* neighbourhood(
  store: GraphStore,
  rootId: string,
  depth: number,
): AsyncGenerator<GraphRecord> {
  const root = (await findNodes(store, [rootId])).get(rootId);
  if (!root) throw new ImportError(`no node with id "${rootId}"`);
  if (!(ENTITY_KINDS as readonly string[]).includes(root.kind)) {
    throw new ImportError(`"${rootId}" is a ${root.kind}; a neighbourhood starts at an entity`);
  }
  const entities = new Map<string, GraphNode>([[rootId, root]]);
  const claims = new Map<string, GraphEdge>();
  let frontier = [rootId];
  for (let step = 0; step < depth && frontier.length > 0; step += 1) {
    const next: string[] = [];
    for (const row of await store.read(relationsOf, { ids: frontier })) {
      const edge = row.relationship;
      claims.set(`${edge.type}|${edge.startId}|${edge.endId}|${String(edge.properties.source)}`, edge);
      if (!entities.has(row.other.id)) {
        entities.set(row.other.id, row.other);
        next.push(row.other.id);
      }
    }
    frontier = next;
  }
  // Claims between entities of the neighbourhood (the last ring's claims outward are left out).
  const inside = [...claims.values()].filter(
    (edge) => entities.has(edge.startId) && entities.has(edge.endId),
  );
  const statistics: GraphNode[] = [];
  for (const row of await store.read(statisticsBySubjects, {
    ...EVERY_STATISTIC,
    subjectIds: [...entities.keys()],
  })) {
    statistics.push(row.statistic);
  }
  yield* completed(store, { entities, claims: inside, statistics, sources: [] });
}

/**
 * Exactly the nodes named (entities, statistics, sources; e.g. every id in a query's answer), the
 * claims among the entities, and what makes them import on their own: the nodes the statistics
 * name and every source cited. Unknown ids are refused, all of them named.
 */
export async function* selection(store: GraphStore, ids: readonly string[]): AsyncGenerator<GraphRecord> {
  const wanted = [...new Set(ids)];
  const found = [...(await findNodes(store, wanted)).values()];
  const known = new Set(found.map((node) => node.id));
  const missing = wanted.filter((id) => !known.has(id));
  if (missing.length > 0) {
    const shown = missing.slice(0, 20).map((id) => `"${id}"`);
    throw new ImportError(
      `no node with id ${shown.join(', ')}${missing.length > shown.length ? ` and ${missing.length - shown.length} more` : ''}`,
    );
  }
  const entities = new Map<string, GraphNode>();
  const statistics: GraphNode[] = [];
  const sources: GraphNode[] = [];
  for (const node of found) {
    if (node.kind === 'Statistic') statistics.push(node);
    else if (node.kind === 'Source') sources.push(node);
    else if ((ENTITY_KINDS as readonly string[]).includes(node.kind)) entities.set(node.id, node);
  }
  const claims = new Map<string, GraphEdge>();
  if (entities.size > 0) {
    for (const row of await store.read(relationsOf, { ids: [...entities.keys()] })) {
      const edge = row.relationship;
      if (entities.has(edge.startId) && entities.has(edge.endId)) {
        claims.set(`${edge.type}|${edge.startId}|${edge.endId}|${String(edge.properties.source)}`, edge);
      }
    }
  }
  yield* completed(store, { entities, claims: [...claims.values()], statistics, sources });
}

interface Chosen {
  readonly entities: ReadonlyMap<string, GraphNode>;
  readonly claims: readonly GraphEdge[];
  readonly statistics: readonly GraphNode[];
  readonly sources: readonly GraphNode[];
}

/**
 * The chosen entities, claims, statistics and sources, with what they need to import into an
 * empty store (the nodes the statistics name, every source cited), as records in the order of `data/`.
 */
async function* completed(store: GraphStore, chosen: Chosen): AsyncGenerator<GraphRecord> {
  const { entities, claims, statistics } = chosen;
  const wanted = new Set<string>();
  for (const statistic of statistics) {
    for (const field of STATISTIC_REFERENCES) {
      const id = statistic.properties[field];
      if (typeof id === 'string' && !entities.has(id)) wanted.add(id);
    }
  }
  const others = new Map<string, GraphNode>();
  if (wanted.size > 0) {
    for (const [id, node] of await findNodes(store, [...wanted])) others.set(id, node);
  }
  const given = new Map(chosen.sources.map((source) => [source.id, source]));
  const sourceIds = new Set<string>();
  for (const node of [...entities.values(), ...others.values()]) {
    const cited = node.properties.sources;
    if (Array.isArray(cited)) for (const id of cited) if (typeof id === 'string') sourceIds.add(id);
  }
  for (const edge of claims)
    if (typeof edge.properties.source === 'string') sourceIds.add(edge.properties.source);
  for (const statistic of statistics) {
    if (typeof statistic.properties.sourceId === 'string') sourceIds.add(statistic.properties.sourceId);
  }
  const missingSources = [...sourceIds].filter((id) => !given.has(id) && !others.has(id));
  const sources = [
    ...given.values(),
    ...(missingSources.length > 0 ? [...(await findNodes(store, missingSources)).values()] : []),
  ];

  const byId = (a: GraphNode, b: GraphNode): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const nodes = [...entities.values(), ...others.values(), ...sources];
  for (const kind of RECORD_KIND_ORDER) {
    if (kind === 'Relationship') {
      for (const edge of [...claims].sort(claimOrder)) yield { kind, record: recordOfClaim(edge) };
    } else if (kind === 'Statistic') {
      for (const node of [...statistics].sort(byId)) yield { kind, record: recordOfNode(node) };
    } else {
      for (const node of nodes.filter((each) => each.kind === kind).sort(byId)) {
        yield { kind, record: recordOfNode(node) };
      }
    }
  }
}
