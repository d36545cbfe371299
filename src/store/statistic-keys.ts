import createDebug from 'debug';
import { findStatistics } from './catalog.js';
import { listStatement } from './generated-statements.js';
import type { GraphStore, WriteTransaction } from './graph-store.js';
import {
  anyStatistic,
  anyStatisticKey,
  buildStatisticKeys,
  clearStatisticKeys,
  deleteStatisticKeys,
  findStatisticKeys,
  listStatisticKeys,
  setStatisticKeys,
  statisticKey,
} from './statistic-key-statements.js';
import type { ParamValue, StoreValue } from './values.js';

/**
 * Keeping the statistic keys (statistic-key-statements.ts) in step with the statistics: every
 * write of statistics records which statistics join and leave which keys in a `KeyChanges`, and
 * applies it in the same transaction. The bulk import stages the keys of its new statistics as a
 * file instead (src/import/staging.ts).
 */

const log = createDebug('tradegraph:store:statistic-keys');

/** Keys read or written per statement. */
const KEYS_PER_CALL = 5000;

/** The key of a statistic's fields (a row to write, or a stored node's properties); null without them. */
export function keyOfFields(fields: {
  readonly [field: string]: ParamValue | StoreValue | undefined;
}): string | null {
  const { subjectId, metric, periodStart, periodEnd } = fields;
  if (typeof subjectId !== 'string' || typeof metric !== 'string') return null;
  if (typeof periodStart !== 'string' || typeof periodEnd !== 'string') return null;
  return statisticKey(subjectId, metric, periodStart, periodEnd);
}

/** Statistics joining and leaving keys within one write; `apply` reads each key once and writes it once. */
export class KeyChanges {
  private readonly added = new Map<string, Set<string>>();
  private readonly removed = new Map<string, Set<string>>();

  private static note(map: Map<string, Set<string>>, key: string, id: string): void {
    const ids = map.get(key);
    if (ids) ids.add(id);
    else map.set(key, new Set([id]));
  }

  /** The statistic `id` is listed by `key` once applied. */
  add(key: string, id: string): void {
    KeyChanges.note(this.added, key, id);
  }

  /** The statistic `id` leaves `key` (removals are applied before additions). */
  remove(key: string, id: string): void {
    KeyChanges.note(this.removed, key, id);
  }

  /** Adds statistics written from rows (upsert rows, or rows restored by a rollback). */
  addRows(rows: readonly { readonly [field: string]: ParamValue }[]): void {
    for (const row of rows) {
      const key = keyOfFields(row);
      if (key !== null && typeof row.id === 'string') this.add(key, row.id);
    }
  }

  /** Takes stored statistics out of their keys, before a write changes or deletes them. */
  async removeStored(tx: WriteTransaction, ids: readonly string[]): Promise<void> {
    for (let i = 0; i < ids.length; i += KEYS_PER_CALL) {
      for (const { id, node } of await tx.run(findStatistics, { ids: ids.slice(i, i + KEYS_PER_CALL) })) {
        const key = keyOfFields(node.properties);
        if (key !== null) this.remove(key, id);
      }
    }
  }

  get size(): number {
    return this.added.size + this.removed.size;
  }

  /** Writes the changed keys (a key left with no statistic is deleted), inside the write's transaction. */
  async apply(tx: WriteTransaction): Promise<void> {
    const keys = [...new Set([...this.removed.keys(), ...this.added.keys()])];
    for (let i = 0; i < keys.length; i += KEYS_PER_CALL) {
      const part = keys.slice(i, i + KEYS_PER_CALL);
      const stored = new Map(
        (await tx.run(findStatisticKeys, { keys: part })).map((row) => [row.key, row.ids]),
      );
      const rows: { key: string; ids: string[] }[] = [];
      const emptied: string[] = [];
      for (const key of part) {
        const ids = new Set(stored.get(key) ?? []);
        for (const id of this.removed.get(key) ?? []) ids.delete(id);
        for (const id of this.added.get(key) ?? []) ids.add(id);
        if (ids.size > 0) rows.push({ key, ids: [...ids].sort() });
        else if (stored.has(key)) emptied.push(key);
      }
      if (rows.length > 0) await tx.runBatch(setStatisticKeys, rows);
      if (emptied.length > 0) await tx.run(deleteStatisticKeys, { keys: emptied });
    }
    this.added.clear();
    this.removed.clear();
  }
}

/**
 * Gives a store made before statistic keys existed its keys: when it holds statistics and no key,
 * every key is built from the stored statistics in one transaction. A store with keys, or with no
 * statistic, is left as it is (so opening an empty store writes nothing). True when it built them.
 */
export async function ensureStatisticKeys(store: GraphStore): Promise<boolean> {
  if ((await store.read(anyStatistic, {})).length === 0) return false;
  if ((await store.read(anyStatisticKey, {})).length > 0) return false;
  const started = Date.now();
  await store.transaction(async (tx) => {
    await tx.run(clearStatisticKeys, {});
    await tx.run(buildStatisticKeys, {});
  });
  log('built the statistic keys of a store made before them in %d ms', Date.now() - started);
  return true;
}

/**
 * What differs between the stored keys and the keys the stored statistics call for (each key must
 * list exactly the statistics with its subject, metric and span of days, and no key may be empty),
 * as sentences; empty when they agree. Reads every statistic and key, a page at a time: for tests
 * and checks, not for requests.
 */
export async function statisticKeyProblems(store: GraphStore, pageSize = 20_000): Promise<string[]> {
  const expected = new Map<string, Set<string>>();
  for (let after = ''; ;) {
    const page = await store.read(listStatement('Statistic'), { after, limit: pageSize });
    for (const { node } of page) {
      const key = keyOfFields(node.properties) ?? `(no key: ${node.id})`;
      const ids = expected.get(key) ?? new Set<string>();
      ids.add(node.id);
      expected.set(key, ids);
    }
    if (page.length < pageSize) break;
    after = (page[page.length - 1] as { node: { id: string } }).node.id;
  }
  const problems: string[] = [];
  for (let after = ''; ;) {
    const page = await store.read(listStatisticKeys, { after, limit: pageSize });
    for (const { key, ids } of page) {
      const want = [...(expected.get(key) ?? [])].sort().join(', ');
      const have = [...new Set(ids)].sort().join(', ');
      if (ids.length === 0) problems.push(`key ${key} lists no statistic`);
      else if (want !== have || ids.length !== new Set(ids).size)
        problems.push(`key ${key} lists [${ids.join(', ')}], its statistics are [${want}]`);
      expected.delete(key);
    }
    if (page.length < pageSize) break;
    after = (page[page.length - 1] as { key: string }).key;
  }
  for (const [key, ids] of expected) problems.push(`no key ${key} for [${[...ids].sort().join(', ')}]`);
  return problems;
}
