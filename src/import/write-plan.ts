import { isNodeKind, NODE_KINDS, type NodeKind } from '../domain/kinds.js';
import { STATISTIC_LINKS, type StatisticLink } from '../domain/relationships.js';
import {
  deleteClaims,
  insertStatistics,
  setStatisticChange,
  unlinkStatistics,
  upsertStatements,
  type ClaimKey,
  type WriteRow,
} from '../store/catalog.js';
import {
  deleteNodesOfKind,
  kindsOfIds,
  linkStatementNamed,
  statisticInsertStatementName,
  statisticInsertStatementNamed,
  statisticLinkStatementName,
  type ClaimStatementName,
  type StatisticInsertStatementName,
  type StatisticLinkStatementName,
} from '../store/generated-statements.js';
import type { WriteTransaction } from '../store/graph-store.js';
import { statisticKey } from '../store/statistic-key-statements.js';
import { KeyChanges } from '../store/statistic-keys.js';
import { keyFieldsOfLine, packRows, splitForm } from './packed-rows.js';

/**
 * What one batch of an import writes, in the order it writes it, and (for a journaled import) how
 * to undo it. Plain data, so a journaled import can keep batches on disk between validating and
 * writing them.
 */
export interface WritePlan {
  /** Entity and Source rows to upsert (created or changed), by kind. */
  upserts: Partial<Record<NodeKind, WriteRow[]>>;
  /** Claim rows to merge, by the name of their link statement. */
  claims: Partial<Record<ClaimStatementName, WriteRow[]>>;
  /** New statistics, as lines (see packed-rows.ts), bulk-inserted. */
  inserted: string[];
  /** Links of the new statistics, packed, by the name of their insert statement (`insert-statistic-…`). */
  insertedLinks: Partial<Record<StatisticInsertStatementName, string[]>>;
  /** Statistics written by the ordinary upsert: changed ones, and new ones that cannot be packed. */
  statistics: WriteRow[];
  /** The reported changes of those statistics (for the rows that have one). */
  changes: WriteRow[];
  /** Statistics whose links are removed first, because their fields changed. */
  unlink: string[];
  /** Links of the upserted statistics, by the name of their link statement (`link-statistic-…`). */
  statisticLinks: Partial<Record<StatisticLinkStatementName, WriteRow[]>>;
  /** How to undo this batch; only kept by a journaled import. */
  undo: UndoEntry | null;
}

/** Undoing one batch: delete what it created, put back what it changed. */
export interface UndoEntry {
  createdNodes: string[];
  createdClaims: ClaimKey[];
  /** Nodes as they were before the batch changed them, as rows of their upsert statement. */
  nodes: { kind: NodeKind; row: WriteRow }[];
  /** Claims as they were before the batch changed them, as rows of their link statement. */
  claims: { statement: ClaimStatementName; row: WriteRow }[];
}

export function emptyPlan(journaled: boolean): WritePlan {
  return {
    upserts: {},
    claims: {},
    inserted: [],
    insertedLinks: {},
    statistics: [],
    changes: [],
    unlink: [],
    statisticLinks: {},
    undo: journaled ? { createdNodes: [], createdClaims: [], nodes: [], claims: [] } : null,
  };
}

export function push<K extends string, T>(record: Partial<Record<K, T[]>>, key: K, value: T): void {
  const list = record[key];
  if (list) list.push(value);
  else record[key] = [value];
}

/** A plan's record by statement name, as entries whose keys keep their statement-name type. */
export function entriesOf<K extends string, T>(record: Partial<Record<K, T>>): [K, T][] {
  return Object.entries(record) as [K, T][];
}

export function planSize(plan: WritePlan): number {
  return (
    Object.values(plan.upserts).reduce((sum, rows) => sum + rows.length, 0) +
    entriesOf(plan.claims).reduce((sum, [, rows]) => sum + rows.length, 0) +
    plan.inserted.length +
    plan.statistics.length
  );
}

const CHUNK = 50_000;

function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += size) result.push(items.slice(i, i + size));
  return result;
}

/** Adds statistics' lines (new statistics, see packed-rows.ts) to their keys. */
export function keyLines(keys: KeyChanges, lines: readonly string[]): void {
  for (const line of lines) {
    const { id, subjectId, metric, periodStart, periodEnd } = keyFieldsOfLine(line);
    keys.add(statisticKey(subjectId, metric, periodStart, periodEnd), id);
  }
}

/**
 * Writes one batch inside a transaction: nodes, then claims, then statistics and their links, and
 * the statistic keys of the statistics it writes (see src/store/statistic-keys.ts).
 */
export async function applyPlan(tx: WriteTransaction, plan: WritePlan): Promise<void> {
  const keys = new KeyChanges();
  for (const kind of NODE_KINDS) {
    const rows = plan.upserts[kind];
    if (rows && rows.length > 0) await tx.runBatch(upsertStatements[kind], rows);
  }
  for (const [name, rows] of entriesOf(plan.claims)) await tx.runBatch(linkStatementNamed(name), rows);
  for (const part of chunks(plan.inserted)) {
    await tx.run(insertStatistics, { statistics: packRows(part.map(splitForm)) });
  }
  keyLines(keys, plan.inserted);
  for (const [name, links] of entriesOf(plan.insertedLinks)) {
    const statement = statisticInsertStatementNamed(name);
    for (const part of chunks(links)) await tx.run(statement, { links: packRows(part) });
  }
  // Changed statistics leave the keys of their stored fields before they are written again.
  await keys.removeStored(tx, plan.unlink);
  for (const ids of chunks(plan.unlink)) await tx.run(unlinkStatistics, { ids });
  if (plan.statistics.length > 0) await tx.runBatch(upsertStatements.Statistic, plan.statistics);
  keys.addRows(plan.statistics);
  if (plan.changes.length > 0) await tx.runBatch(setStatisticChange, plan.changes);
  for (const [name, rows] of entriesOf(plan.statisticLinks))
    await tx.runBatch(linkStatementNamed(name), rows);
  await keys.apply(tx);
}

/** The link fields of a statistic row, with the link each stands for. */
export const STATISTIC_LINK_FIELDS: readonly (readonly [StatisticLink, string])[] = [
  ['MEASURES', 'subjectId'],
  ['DESTINATION', 'destinationId'],
  ['ORIGIN', 'originId'],
  ['FOR_SECTOR', 'sectorId'],
  ['PUBLISHED_BY', 'publishedById'],
  ['STATED_IN', 'sourceId'],
];

const INSERT_LINK_NAMES: ReadonlyMap<
  StatisticLink,
  ReadonlyMap<NodeKind, StatisticInsertStatementName>
> = new Map(
  (Object.entries(STATISTIC_LINKS) as [StatisticLink, { to: readonly NodeKind[] }][]).map(
    ([link, { to }]) => [link, new Map(to.map((kind) => [kind, statisticInsertStatementName(link, kind)]))],
  ),
);

/** Name of the statement that bulk-inserts links of new statistics to a target kind. */
export function insertLinkName(link: StatisticLink, kind: NodeKind): StatisticInsertStatementName {
  const name = INSERT_LINK_NAMES.get(link)?.get(kind);
  if (name === undefined) throw new Error(`a statistic's ${link} link cannot point to a ${kind}`);
  return name;
}

export function linkAllowed(link: StatisticLink, kind: NodeKind): boolean {
  return (STATISTIC_LINKS[link].to as readonly NodeKind[]).includes(kind);
}

/** Undoes one journaled batch, inside a transaction. */
export async function applyUndo(tx: WriteTransaction, undo: UndoEntry): Promise<void> {
  const keys = new KeyChanges();
  for (const claims of chunks(undo.createdClaims, 2000)) await tx.run(deleteClaims, { claims });
  for (const ids of chunks(undo.createdNodes, 2000)) {
    const byKind = new Map<NodeKind, string[]>();
    for (const { id, kind } of await tx.run(kindsOfIds, { ids })) {
      if (isNodeKind(kind)) byKind.set(kind, [...(byKind.get(kind) ?? []), id]);
    }
    // Statistics it created leave their keys with them.
    await keys.removeStored(tx, byKind.get('Statistic') ?? []);
    for (const [kind, kindIds] of byKind) await tx.run(deleteNodesOfKind(kind), { ids: kindIds });
  }
  const statistics = undo.nodes.filter((node) => node.kind === 'Statistic').map((node) => node.row);
  for (const kind of NODE_KINDS) {
    if (kind === 'Statistic') continue;
    const rows = undo.nodes.filter((node) => node.kind === kind).map((node) => node.row);
    if (rows.length > 0) await tx.runBatch(upsertStatements[kind], rows);
  }
  if (statistics.length > 0) {
    const ids = statistics.map((row) => String(row.id));
    await keys.removeStored(tx, ids);
    await tx.run(unlinkStatistics, { ids });
    await tx.runBatch(
      upsertStatements.Statistic,
      statistics.map(({ changePercent: _p, changeComparedTo: _q, ...row }) => row),
    );
    keys.addRows(statistics);
    const changes = statistics
      .filter((row) => row.changePercent !== null && row.changePercent !== undefined)
      .map((row) => ({
        id: row.id ?? null,
        changePercent: row.changePercent ?? null,
        changeComparedTo: row.changeComparedTo ?? null,
      }));
    if (changes.length > 0) await tx.runBatch(setStatisticChange, changes);
    const targets = [
      ...new Set(statistics.flatMap((row) => STATISTIC_LINK_FIELDS.map(([, field]) => row[field]))),
    ].filter((id): id is string => typeof id === 'string');
    const kinds = new Map<string, NodeKind>();
    for (const part of chunks(targets, 2000)) {
      for (const found of await tx.run(kindsOfIds, { ids: part }))
        if (isNodeKind(found.kind)) kinds.set(found.id, found.kind);
    }
    const links: Partial<Record<StatisticLinkStatementName, WriteRow[]>> = {};
    for (const row of statistics) {
      for (const [link, field] of STATISTIC_LINK_FIELDS) {
        const target = row[field];
        const kind = typeof target === 'string' ? kinds.get(target) : undefined;
        if (typeof target === 'string' && kind && linkAllowed(link, kind)) {
          push(links, statisticLinkStatementName(link, kind), { id: String(row.id), target });
        }
      }
    }
    for (const [name, rows] of entriesOf(links)) await tx.runBatch(linkStatementNamed(name), rows);
  }
  const claims: Partial<Record<ClaimStatementName, WriteRow[]>> = {};
  for (const claim of undo.claims) push(claims, claim.statement, claim.row);
  for (const [name, rows] of entriesOf(claims)) await tx.runBatch(linkStatementNamed(name), rows);
  await keys.apply(tx);
}
