import { createWriteStream, rmSync, type WriteStream } from 'node:fs';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { copyStatistics } from '../store/catalog.js';
import {
  copyNameOfInsert,
  statisticCopyStatement,
  statisticLinkPairs,
} from '../store/generated-statements.js';
import type { WriteTransaction } from '../store/graph-store.js';
import { KEY_TABLE_REBUILD, STATISTIC_TABLE_REBUILD } from '../store/rebuild-statements.js';
import {
  copyStatisticKeys,
  countStatisticKeys,
  findStatisticKeys,
  listStatisticKeys,
  setStatisticKeys,
  statisticKey,
} from '../store/statistic-key-statements.js';
import type { Statement } from '../store/statements.js';
import { FIELD_SEPARATOR, keyFieldsOfLine } from './packed-rows.js';
import { entriesOf, type WritePlan } from './write-plan.js';

/** Stored keys read in one page to compare with an import's: more, and each of its keys is looked up. */
const KEYS_SCANNED = 10_000;
const KEYS_PER_LOOKUP = 5000;

/**
 * New rows, as a share of the stored ones, from which a table is built again rather than appended
 * to (src/store/rebuild-statements.ts). The engine's bulk loader appending to a table that holds
 * rows leaves the appended rows slow to find and read, the more so the larger the load against the
 * table: at scale M, 382,000 keys appended to 11,000 made 39 key reads 17 ms instead of 0.4;
 * 11,000 appended to 382,000, 1.7 ms (bench/README.md). Building a table again copies every stored
 * row once, so it is kept for loads that are large against the table.
 */
export const TABLE_REBUILD_SHARE = 0.25;

const rebuilds = (stored: number, added: number): boolean =>
  stored > 0 && added >= stored * TABLE_REBUILD_SHARE;

/**
 * New entities (and sources) from which the tables are built again even when few statistics come
 * with them: rows appended after a checkpoint read about 2.5 times slower, but only tables of
 * thousands of rows show it (bench/README.md), and the rebuild copies every statistic.
 */
export const ENTITY_REBUILD_MINIMUM = 1000;

/** Entity rows (every node kind but Statistic) the store held before an import, and those it adds. */
export interface EntityRows {
  readonly stored: number;
  readonly added: number;
}

/**
 * The bulk statements that load an import's new statistic keys into a store holding `storedKeys`:
 * appended to the key table, or the table built again around them when they are many against it.
 */
export function keyTableSteps(storedKeys: number, newKeys: number): Statement<Record<string, never>>[] {
  if (!rebuilds(storedKeys, newKeys)) return [copyStatisticKeys];
  return [...KEY_TABLE_REBUILD.before, copyStatisticKeys, ...KEY_TABLE_REBUILD.after];
}

/**
 * The bulk statements that load an import's staged statistics and their links (`loads`, the
 * statistics' first, as Staging.close gives them; none when it staged no statistic) into a store
 * holding `storedStatistics`: as they are, or with the graph's tables built again around them
 * when the new statistics are many against the stored ones, or the new entities against theirs
 * (at least ENTITY_REBUILD_MINIMUM of them).
 */
export function statisticTableSteps(
  storedStatistics: number,
  newStatistics: number,
  loads: readonly Statement<Record<string, never>>[],
  entities: EntityRows = { stored: 0, added: 0 },
): Statement<Record<string, never>>[] {
  const [first, ...links] = loads;
  const staged = first?.name === copyStatistics.name;
  const manyStatistics = staged && rebuilds(storedStatistics, newStatistics);
  const manyEntities = entities.added >= ENTITY_REBUILD_MINIMUM && rebuilds(entities.stored, entities.added);
  if (!manyStatistics && !manyEntities) return [...loads];
  const rebuild = STATISTIC_TABLE_REBUILD;
  if (!staged) return [...rebuild.before, ...rebuild.statistics, ...loads, ...rebuild.after];
  return [...rebuild.before, first, ...rebuild.statistics, ...links, ...rebuild.after];
}

/** A string that shares no memory with the one it came from (V8 keeps a slice's parent alive). */
const copyOf = (text: string): string => `${text} `.slice(0, -1);

/** Every statement that bulk-loads a staged file, by name (the file's name). */
const COPY_STATEMENTS: ReadonlyMap<string, Statement<Record<string, never>>> = new Map(
  [copyStatistics, ...statisticLinkPairs().map(([link, to]) => statisticCopyStatement(link, to))].map(
    (statement) => [statement.name, statement],
  ),
);

/**
 * New statistics staged on disk for the engine's bulk loader, while an import is checked: one
 * file per bulk statement (`copy-statistics.csv`, `copy-statistic-measures-country.csv`, …) in the
 * store's bulk directory, loaded with one COPY each once the whole import proved valid. Files the
 * engine reads as a whole load at its own speed; the same rows sent in many statements do not.
 *
 * Lines are the statistics' lines (packed-rows.ts: the columns of the engine's table, U+001F
 * between fields, empty for null); a link line is the statistic id and the target id. Rows
 * holding a line break are never packed, so every line is one row.
 */
export class Staging {
  private readonly files = new Map<string, { stream: WriteStream; rows: number }>();
  /** How many new statistics are staged. */
  private staged = 0;
  /** The new statistics' ids by statistic key, joined by commas (ids hold none). */
  private readonly keyed = new Map<string, string>();

  private noteKeys(lines: Iterable<string>): void {
    for (const line of lines) {
      if (line.length === 0) continue;
      this.staged += 1;
      const { id, subjectId, metric, periodStart, periodEnd } = keyFieldsOfLine(line);
      // Copies: a slice of the line would keep the line, and the block it was cut from, alive.
      const key = copyOf(statisticKey(subjectId, metric, periodStart, periodEnd));
      const ids = this.keyed.get(key);
      this.keyed.set(key, ids === undefined ? copyOf(id) : `${ids},${copyOf(id)}`);
    }
  }

  /** How many new statistics are staged for the bulk loader. */
  get stagedStatistics(): number {
    return this.staged;
  }

  /** How many statistic keys the new statistics have. */
  get keyCount(): number {
    return this.keyed.size;
  }

  constructor(private readonly directory: string) {}

  private file(statement: string): { stream: WriteStream; rows: number } {
    let file = this.files.get(statement);
    if (!file) {
      file = { stream: createWriteStream(path.join(this.directory, `${statement}.csv`)), rows: 0 };
      this.files.set(statement, file);
    }
    return file;
  }

  private async write(statement: string, lines: readonly string[]): Promise<void> {
    if (lines.length === 0) return;
    if (statement === copyStatistics.name) this.noteKeys(lines);
    const file = this.file(statement);
    file.rows += lines.length;
    if (!file.stream.write(`${lines.join('\n')}\n`)) {
      await new Promise<void>((resolve) => file.stream.once('drain', () => resolve()));
    }
  }

  /** Appends lines (already joined by line breaks) to the file a bulk statement loads. */
  async append(statement: string, lines: string): Promise<void> {
    if (lines.length === 0) return;
    if (statement === copyStatistics.name) this.noteKeys(lines.split('\n'));
    const file = this.file(statement);
    if (!file.stream.write(`${lines}\n`)) {
      await new Promise<void>((resolve) => file.stream.once('drain', () => resolve()));
    }
  }

  /** Moves a plan's new statistics and their links to the staged files. */
  async take(plan: WritePlan): Promise<void> {
    await this.write(copyStatistics.name, plan.inserted);
    for (const [name, links] of entriesOf(plan.insertedLinks))
      await this.write(copyNameOfInsert(name), links);
    plan.inserted = [];
    plan.insertedLinks = {};
  }

  /** Finishes the files; returns the statements that load them, statistics first. */
  async close(): Promise<Statement<Record<string, never>>[]> {
    for (const { stream } of this.files.values()) {
      stream.end();
      await finished(stream);
    }
    return [...this.files.keys()]
      .sort((a, b) => (a === copyStatistics.name ? -1 : b === copyStatistics.name ? 1 : a.localeCompare(b)))
      .map((name) => {
        const statement = COPY_STATEMENTS.get(name);
        if (!statement) throw new Error(`no bulk statement loads ${name}.csv`);
        return statement;
      });
  }

  /**
   * The statistic keys of the new statistics, inside the import's transaction once everything else
   * it writes in place is written: keys the store has get the new ids added (set-statistic-keys);
   * the others are staged in copy-statistic-keys.csv. Returns the bulk statements to run: that
   * file's load, or, when the new keys are many against the stored ones (TABLE_REBUILD_SHARE),
   * the steps that build the key table again around it.
   */
  async stageKeys(tx: WriteTransaction): Promise<Statement<Record<string, never>>[]> {
    if (this.keyed.size === 0) return [];
    const stored = new Map<string, string[]>();
    const first = await tx.run(listStatisticKeys, { after: '', limit: KEYS_SCANNED });
    let storedKeys = first.length;
    if (first.length < KEYS_SCANNED) {
      for (const row of first) if (this.keyed.has(row.key)) stored.set(row.key, row.ids);
    } else {
      storedKeys = (await tx.run(countStatisticKeys, {}))[0]?.keys ?? 0;
      const keys = [...this.keyed.keys()];
      for (let i = 0; i < keys.length; i += KEYS_PER_LOOKUP) {
        const rows = await tx.run(findStatisticKeys, { keys: keys.slice(i, i + KEYS_PER_LOOKUP) });
        for (const row of rows) stored.set(row.key, row.ids);
      }
    }
    const merged: { key: string; ids: string[] }[] = [];
    const lines: string[] = [];
    let newKeys = 0;
    for (const [key, ids] of this.keyed) {
      const before = stored.get(key);
      if (before) merged.push({ key, ids: [...new Set([...before, ...ids.split(',')])].sort() });
      else {
        lines.push(`${key}${FIELD_SEPARATOR}[${ids}]`);
        newKeys += 1;
      }
      if (lines.length >= 10_000) await this.write(copyStatisticKeys.name, lines.splice(0));
    }
    await this.write(copyStatisticKeys.name, lines);
    if (merged.length > 0) await tx.runBatch(setStatisticKeys, merged);
    const file = this.files.get(copyStatisticKeys.name);
    if (!file) return [];
    file.stream.end();
    await finished(file.stream);
    return keyTableSteps(storedKeys, newKeys);
  }

  remove(): void {
    for (const { stream } of this.files.values()) stream.destroy();
    for (const name of this.files.keys()) rmSync(path.join(this.directory, `${name}.csv`), { force: true });
  }
}
