import { randomBytes } from 'node:crypto';
import path from 'node:path';
import createDebug from 'debug';
import { NODE_KINDS, type NodeKind } from '../domain/kinds.js';
import { RELATIONSHIP_TYPES, STATISTIC_LINKS, type RelationshipType } from '../domain/relationships.js';
import {
  copyStatistics,
  countNodes,
  countRelationships,
  findStatistics,
  setMeta,
  type WriteRow,
} from '../store/catalog.js';
import {
  claimStatementName,
  statisticCopyStatementName,
  statisticLinkStatementName,
} from '../store/generated-statements.js';
import { WriteAbortedError } from '../store/errors.js';
import type { GraphStore } from '../store/graph-store.js';
import { findNodes } from '../store/find-nodes.js';
import type { GraphNode, StoreValue } from '../store/values.js';
import { claimRow } from './dataset.js';
import { checkBlock, type CheckRequest, type CheckResponse } from './check-blocks.js';
import { checkRecord, type Checked } from './check-records.js';
import { CheckPool, textBlocks } from './check-pool.js';
import { readComtrade } from './comtrade.js';
import { ImportError } from '../records/errors.js';
import { recordImport, type ImportRecord } from './import-records.js';
import { IdIndex } from './id-index.js';
import { outgoingClaims } from '../records/graph-records.js';
import { planInputs, type InputFile } from './input-files.js';
import { fieldsOf, KIND_FILE_NAMES } from '../records/record-kinds.js';
import { csvHeader, type CsvHeader } from './csv-header.js';
import {
  DEFAULT_BULK_IMPORT_BYTES,
  tally,
  type ImportMode,
  type ImportOptions,
  type ImportProgress,
  type ImportSummary,
  type NodeChange,
  type Tally,
} from './import-options.js';
import { holds, mergeNode, rowOfNode } from './merge-node.js';
import { Spool } from './spool.js';
import {
  batchKey,
  beginJournal,
  cleanCommittedJournals,
  finishJournal,
  rollbackImport,
  unfinishedImports,
} from './journal.js';
import { FIELD_SEPARATOR, FIRST_TARGET_FIELD, packLink, unpackStatistic } from './packed-rows.js';
import { ValidationError, type Problem, type ProblemSink } from './problems.js';
import type { RelationshipRecord } from '../records/records.js';
import { Staging } from './staging.js';
import { EncodingError } from './text-input.js';
import {
  applyPlan,
  emptyPlan,
  insertLinkName,
  linkAllowed,
  planSize,
  push,
  STATISTIC_LINK_FIELDS,
  type WritePlan,
} from './write-plan.js';

const log = createDebug('tradegraph:import');

export type {
  FieldChange,
  ImportMode,
  ImportOptions,
  ImportProgress,
  ImportSummary,
  NodeChange,
  Tally,
} from './import-options.js';
export { DEFAULT_BULK_IMPORT_BYTES } from './import-options.js';
export { mergeNode, rowOfNode } from './merge-node.js';

/**
 * Bulk import: files in the project's own formats (JSON Lines and CSV) and UN Comtrade CSV,
 * validated in full, then applied entirely or not at all. See docs/import-export.md.
 */

/** Changes listed in full in a summary. */
const CHANGES_KEPT = 1000;

interface Location {
  readonly file: number;
  readonly line: number;
}

type Reference = { readonly field: string; readonly id: string; readonly allowed: readonly NodeKind[] };

/** A record that passed its schema and the duplicate checks, waiting for references and classification. */
type Valid =
  | {
      readonly type: 'node';
      readonly kind: Exclude<NodeKind, 'Statistic'>;
      readonly id: string;
      readonly row: WriteRow;
      readonly ensure: boolean;
      readonly given: readonly string[];
      readonly cleared: readonly string[];
      readonly patch: boolean;
      readonly at: Location;
      readonly refs: readonly Reference[];
    }
  | {
      readonly type: 'statistic';
      readonly id: string;
      /** The row packed for the bulk insert; null when it cannot be packed (then `row` is given). */
      readonly packed: string | null;
      readonly row: WriteRow | null;
      /** Subject, destination, origin, sector, publisher and source ids (null when absent). */
      readonly targets: readonly (string | null)[];
      /** The kinds of the targets, once resolved. */
      kinds?: (NodeKind | null)[];
      readonly at: Location;
    }
  | {
      readonly type: 'claim';
      readonly record: RelationshipRecord;
      readonly label: string;
      readonly at: Location;
      readonly refs: readonly Reference[];
    };

interface Known {
  readonly kind: NodeKind;
  /** For Sources: the publication date, which dates the claims that cite them without a date. */
  readonly published: string | null;
}

interface PendingReference {
  readonly id: string;
  readonly places: { at: Location; record: string; field: string; allowed: readonly NodeKind[] }[];
  count: number;
}

const PENDING_PLACES = 20;

/** Imports of at least this many bytes (own-format files) check their records in worker threads. */
const PARALLEL_BYTES = 4 * 1024 * 1024;
/** Blocks sent ahead to the workers. */
const BLOCKS_IN_FLIGHT = 6;

/** Checked records waiting to be checked together, with the file each comes from. */
interface Batch {
  readonly checked: Checked[];
  readonly files: number[];
}

// Imported bindings used for every record, held locally: some module loaders (tsx) turn each
// access to an imported binding into a getter call.
const FIELD = FIELD_SEPARATOR;
const FIRST_TARGET = FIRST_TARGET_FIELD;
const LINK_FIELDS = STATISTIC_LINK_FIELDS;
const linkLine = packLink;
const linkName = insertLinkName;
const append = push;

/**
 * The references of a statistic, in the order of its `targets` (and of STATISTIC_LINK_FIELDS):
 * the field named in problems and the kinds allowed.
 */
const STATISTIC_REFERENCES: readonly (readonly [string, readonly NodeKind[]])[] = [
  ['subject', STATISTIC_LINKS.MEASURES.to],
  ['destination', STATISTIC_LINKS.DESTINATION.to],
  ['origin', STATISTIC_LINKS.ORIGIN.to],
  ['sector', STATISTIC_LINKS.FOR_SECTOR.to],
  ['publishedBy', STATISTIC_LINKS.PUBLISHED_BY.to],
  ['source', STATISTIC_LINKS.STATED_IN.to],
];

/** A statistic's target ids, from its packed row or its row. */
function targetsOf(packed: string | null, row: WriteRow | null): (string | null)[] {
  if (packed !== null) {
    let at = -1;
    for (let i = 0; i < FIRST_TARGET; i += 1) at = packed.indexOf(FIELD, at + 1);
    // The targets (subjectId … sourceId) are followed by the qualifier's columns.
    const targets: (string | null)[] = packed.slice(at + 1).split(FIELD, LINK_FIELDS.length);
    for (let i = 0; i < targets.length; i += 1) if (targets[i] === '') targets[i] = null;
    return targets;
  }
  return STATISTIC_LINK_FIELDS.map(([, field]) => {
    const value = row?.[field];
    return typeof value === 'string' ? value : null;
  });
}

/** The row of a checked statistic (unpacked when only the packed form was kept). */
function rowOf(item: Extract<Valid, { type: 'statistic' }>): WriteRow {
  if (item.row) return item.row;
  if (item.packed === null) throw new Error(`statistic ${item.id} has neither a row nor a packed row`);
  return unpackStatistic(item.packed);
}

/** The ids a checked record refers to, with the kinds each may be. */
function* referencesOf(item: Valid): Generator<Reference> {
  if (item.type !== 'statistic') {
    yield* item.refs;
    return;
  }
  for (let i = 0; i < STATISTIC_REFERENCES.length; i += 1) {
    const id = item.targets[i];
    const [field, allowed] = STATISTIC_REFERENCES[i] as (typeof STATISTIC_REFERENCES)[number];
    if (typeof id === 'string') yield { field, id, allowed };
  }
}

const labelOf = (item: Valid): string => (item.type === 'claim' ? item.label : item.id);

function generateImportId(): string {
  const stamp = new Date()
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  return `${stamp}-${randomBytes(3).toString('hex')}`;
}

/** One import at a time per store: a store's bulk directory holds one import's staged files. */
const importLocks = new WeakMap<GraphStore, Promise<unknown>>();

function oneAtATime<T>(store: GraphStore, work: () => Promise<T>): Promise<T> {
  const previous = importLocks.get(store) ?? Promise.resolve();
  const next = previous.catch(() => undefined).then(work);
  importLocks.set(store, next);
  return next;
}

/**
 * Imports files into a store and returns what changed. Throws ValidationError (nothing written)
 * when any record has a problem.
 */
export async function importFiles(
  store: GraphStore,
  paths: readonly string[],
  options: ImportOptions = {},
): Promise<ImportSummary> {
  return oneAtATime(store, () => new Importer(store, paths, options).run());
}

class Importer {
  private readonly started = Date.now();
  private readonly mode: ImportMode;
  private readonly importId: string;
  private readonly batchSize: number;
  private readonly bulkRows: number;
  private readonly maxProblems: number;
  private readonly problems: Problem[] = [];
  private problemCount = 0;
  private readonly files: InputFile[];
  private readonly fileRecords: number[];
  private readonly nodeIndex: IdIndex;
  private readonly claimIndex = new IdIndex();
  /** Non-statistic nodes of the import so far (statistics are never referenced). */
  private readonly imported = new Map<string, Known>();
  /** Nodes of the store looked up so far; null for ids the store does not have. */
  private readonly stored = new Map<string, Known | null>();
  private readonly pending = new Map<string, PendingReference>();
  /** Records waiting for a reference to a node later in the import. */
  private deferred: Valid[] = [];
  private readonly nodes = Object.fromEntries(NODE_KINDS.map((kind) => [kind, tally()])) as Record<
    NodeKind,
    Tally
  >;
  private readonly relationships = tally();
  private duplicates = 0;
  private readonly changes: NodeChange[] = [];
  private changeCount = 0;
  private overwrites = 0;
  private readonly skipped = new Map<string, number>();
  private initialNodes = new Map<string, number>();
  private initialClaims = 0;
  private bytesRead = 0;
  /** Where new statistics are staged, in a one-transaction import with a bulk directory. */
  private staging: Staging | null = null;
  private readonly totalBytes: number;
  private records = 0;

  constructor(
    private readonly store: GraphStore,
    paths: readonly string[],
    private readonly options: ImportOptions,
  ) {
    this.mode = options.mode ?? (store.engine === 'neo4j' ? 'journal' : 'transaction');
    this.importId = options.importId ?? generateImportId();
    this.batchSize = options.batchSize ?? 20_000;
    this.bulkRows = options.bulkRows ?? 100_000;
    this.maxProblems = Math.max(options.maxProblems ?? 1000, ValidationError.SHOWN);
    const planning: Problem[] = [];
    this.files = planInputs(paths, planning);
    for (const problem of planning) this.problem(problem);
    this.fileRecords = this.files.map(() => 0);
    this.totalBytes = this.files.reduce((sum, file) => sum + file.bytes, 0);
    // Sized for the records the files can hold (a record takes 100 bytes or more), so it need not grow.
    this.nodeIndex = new IdIndex(Math.min(Math.ceil(this.totalBytes / 100), 1 << 24));
  }

  async run(): Promise<ImportSummary> {
    for (const row of await this.store.read(countNodes, {})) this.initialNodes.set(row.kind, row.count);
    for (const row of await this.store.read(countRelationships, {})) {
      if (Object.hasOwn(RELATIONSHIP_TYPES, row.type)) this.initialClaims += row.count;
    }
    if (this.options.dryRun) {
      await this.readAll(async () => undefined);
      this.refuseIfProblems();
    } else if (this.mode === 'transaction') {
      await this.runInOneTransaction();
    } else {
      await this.runJournaled();
    }
    return this.summary();
  }

  /** Whether the import creates or changes anything (only then is it recorded). */
  private changed(): boolean {
    const nodes = Object.values(this.nodes).reduce((sum, t) => sum + t.created + t.updated, 0);
    return nodes + this.relationships.created + this.relationships.updated > 0;
  }

  /** The record the import leaves in the graph (see import-records.ts). */
  private record(): ImportRecord {
    const sum = (field: 'created' | 'updated'): number =>
      Object.values(this.nodes).reduce((total, t) => total + t[field], 0) + this.relationships[field];
    return {
      importId: this.importId,
      at: new Date().toISOString(),
      // The file's own name: POST /import's temporary directory is not part of it.
      files: this.files.map((file) => path.basename(file.name)),
      created: sum('created'),
      updated: sum('updated'),
    };
  }

  private summary(): ImportSummary {
    return {
      importId: this.importId,
      mode: this.mode,
      dryRun: this.options.dryRun ?? false,
      files: this.files.map((file, i) => ({
        file: file.name,
        format: file.format,
        kind: file.kind,
        records: this.fileRecords[i] ?? 0,
      })),
      records: this.records,
      nodes: this.nodes,
      relationships: this.relationships,
      duplicates: this.duplicates,
      skipped: [...this.skipped].map(([reason, rows]) => ({ reason, rows })),
      changes: this.changes,
      changeCount: this.changeCount,
      overwrites: this.overwrites,
      seconds: (Date.now() - this.started) / 1000,
    };
  }

  private progress(phase: ImportProgress['phase'], batches?: ImportProgress['batches']): void {
    if (this.options.signal?.aborted && phase !== 'rolling back') {
      throw new WriteAbortedError('the import was called off before it was written; nothing was applied');
    }
    this.options.onProgress?.({
      phase,
      bytesRead: this.bytesRead,
      totalBytes: this.totalBytes,
      records: this.records,
      ...(batches ? { batches } : {}),
    });
  }

  private problem(problem: Problem): void {
    this.problemCount += 1;
    if (this.problems.length < this.maxProblems) this.problems.push(problem);
  }

  /** Throws the problems found, if any, in reading order: by file as imported, then by line. */
  private refuseIfProblems(): void {
    if (this.problemCount === 0) return;
    const order = new Map(this.files.map((file, index) => [file.name, index]));
    const sorted = this.problems
      .map((problem, index) => ({ problem, index }))
      .sort(
        (a, b) =>
          (order.get(a.problem.file) ?? -1) - (order.get(b.problem.file) ?? -1) ||
          (a.problem.line ?? 0) - (b.problem.line ?? 0) ||
          a.index - b.index,
      )
      .map(({ problem }) => problem);
    throw new ValidationError(sorted, this.problemCount);
  }

  /**
   * One transaction, after everything is checked. While the files are read, each batch's writes
   * wait on disk (new statistics staged for the bulk loader when the store has one, the rest as
   * plans); once the whole import proved valid, one transaction applies them all, bulk-loads the
   * staged statistics and commits. Nothing touches the store before the last record is checked.
   */
  private async runInOneTransaction(): Promise<void> {
    const spool = new Spool(this.store.scratchDirectory);
    // Large imports stage their new statistics for the bulk loader, and are bulk writes.
    const bulk =
      this.totalBytes >= (this.options.bulkAboveBytes ?? DEFAULT_BULK_IMPORT_BYTES)
        ? this.store.bulkDirectory
        : undefined;
    const staging = bulk ? new Staging(bulk) : null;
    this.staging = staging;
    try {
      await this.readAll(async (plan) => {
        if (this.problemCount > 0) return;
        if (staging) await staging.take(plan);
        if (planSize(plan) > 0) await spool.write(plan);
      });
      const statements = staging ? await staging.close() : [];
      await spool.close();
      this.refuseIfProblems();
      const total = spool.count + statements.length;
      let done = 0;
      this.progress('writing', { done, total });
      await this.store.transaction(
        async (tx) => {
          // Written in place, new statistics go in few large packed statements instead.
          let inserts = emptyPlan(false);
          for await (const plan of spool.read()) {
            for (const row of plan.inserted) inserts.inserted.push(row);
            for (const [name, links] of Object.entries(plan.insertedLinks)) {
              for (const link of links) push(inserts.insertedLinks, name, link);
            }
            plan.inserted = [];
            plan.insertedLinks = {};
            await applyPlan(tx, plan);
            if (inserts.inserted.length >= this.bulkRows) {
              await applyPlan(tx, inserts);
              inserts = emptyPlan(false);
            }
            this.progress('writing', { done: (done += 1), total });
          }
          await applyPlan(tx, inserts);
          for (const statement of statements) {
            await tx.run(statement, {});
            this.progress('writing', { done: (done += 1), total });
          }
          if (this.changed()) await recordImport(tx, this.record());
          this.progress('committing');
        },
        { bulk: staging !== null },
      );
    } finally {
      staging?.remove();
      spool.remove();
    }
  }

  /** Batches of their own, journaled: all validated first, kept on disk, then written one by one. */
  private async runJournaled(): Promise<void> {
    await cleanCommittedJournals(this.store);
    const running = (await unfinishedImports(this.store)).filter((each) => each.state === 'running');
    if (running.length > 0) {
      throw new ImportError(
        `an earlier import did not finish (${running.map((each) => each.importId).join(', ')}): ` +
          `roll it back first (tradegraph import --rollback <id>)`,
      );
    }
    const spool = new Spool(this.store.scratchDirectory);
    try {
      await this.readAll(async (plan) => {
        if (this.problemCount === 0 && planSize(plan) > 0) await spool.write(plan);
      });
      await spool.close();
      this.refuseIfProblems();
      await beginJournal(
        this.store,
        this.importId,
        this.files.map((file) => file.name),
      );
      let done = 0;
      try {
        for await (const plan of spool.read()) {
          done += 1;
          await this.store.transaction(async (tx) => {
            await tx.run(setMeta, { key: batchKey(this.importId, done), value: JSON.stringify(plan.undo) });
            await applyPlan(tx, plan);
            // The import's record goes with its last batch (a rollback deletes it too).
            if (done === spool.count && this.changed()) await recordImport(tx, this.record());
          });
          this.progress('writing', { done, total: spool.count });
        }
        await finishJournal(this.store, this.importId);
      } catch (error) {
        this.progress('rolling back');
        try {
          await rollbackImport(this.store, this.importId);
        } catch (rollbackError) {
          log('rollback failed: %O', rollbackError);
          throw new ImportError(
            `import ${this.importId} failed (${error instanceof Error ? error.message : String(error)}) and ` +
              `could not be rolled back (${rollbackError instanceof Error ? rollbackError.message : String(rollbackError)}); ` +
              `run: tradegraph import --rollback ${this.importId}`,
            { cause: error },
          );
        }
        throw error;
      }
    } finally {
      spool.remove();
    }
  }

  /** Reads every file in batches, checks each batch and hands its write plan to `onPlan`. */
  private async readAll(onPlan: (plan: WritePlan) => Promise<void>): Promise<void> {
    const batch: Batch = { checked: [], files: [] };
    const flush = async (): Promise<void> => {
      if (batch.checked.length === 0) return;
      const checked = batch.checked.splice(0);
      const files = batch.files.splice(0);
      await onPlan(await this.checkBatch(this.admit(checked, files)));
      this.progress('reading');
    };
    const full = async (): Promise<void> => {
      if (batch.checked.length >= this.batchSize) await flush();
    };
    // Large imports check their records in worker threads too; small ones are not worth starting them.
    const ownBytes = this.files
      .filter((file) => file.format !== 'comtrade')
      .reduce((sum, f) => sum + f.bytes, 0);
    const workers = this.options.workers;
    const pool =
      workers === 0 || (workers === undefined && ownBytes < PARALLEL_BYTES) ? null : CheckPool.start(workers);
    try {
      for (const [index, file] of this.files.entries()) {
        // Each file starts a batch, so what earlier files hold is known when this one asks (Comtrade).
        await flush();
        try {
          if (file.format === 'comtrade') await this.readComtradeFile(file, index, batch, full);
          else await this.readOwnFile(file, index, pool, batch, full);
        } catch (error) {
          if (!(error instanceof EncodingError)) throw error;
          this.problem({ file: file.name, line: error.line, record: '-', message: error.message });
        }
      }
      await flush();
      await this.finishReferences(onPlan);
    } finally {
      await pool?.close();
    }
  }

  private counted(index: number, records: number): void {
    this.records += records;
    this.fileRecords[index] = (this.fileRecords[index] ?? 0) + records;
  }

  private async readComtradeFile(
    file: InputFile,
    index: number,
    batch: Batch,
    full: () => Promise<void>,
  ): Promise<void> {
    const sink = this.problemSink();
    const records = readComtrade(
      file,
      index,
      sink,
      this.options.comtrade ?? {},
      (id) => this.exists(id),
      { skipped: this.skipped },
      (bytes) => (this.bytesRead += bytes),
    );
    for await (const record of records) {
      // A row counts once, not with the source, countries, sectors and claims it implies.
      if (record.kind === 'Statistic') this.counted(index, 1);
      const checked = checkRecord(record, file.name, sink);
      if (checked) {
        batch.checked.push(checked);
        batch.files.push(index);
        await full();
      }
    }
  }

  /** A file in the project's own format, block by block, checked in worker threads when there are any. */
  private async readOwnFile(
    file: InputFile,
    index: number,
    pool: CheckPool | null,
    batch: Batch,
    full: () => Promise<void>,
  ): Promise<void> {
    const csv = file.format === 'csv';
    let header: CsvHeader | null = null;
    const pending: Promise<CheckResponse>[] = [];
    const take = async (response: CheckResponse): Promise<void> => {
      for (const problem of response.problems) this.problem(problem);
      this.counted(index, response.records);
      for (const checked of response.checked) {
        batch.checked.push(checked);
        batch.files.push(index);
      }
      if (response.packed.length > 0 && !(await this.takeWhole(response, index))) {
        const rows = response.packed.split('\n');
        const meta = response.packedMeta;
        for (let i = 0; i < rows.length; i += 1) {
          const packed = rows[i] as string;
          batch.checked.push({
            t: 's',
            line: meta[4 * i] as number,
            id: packed.slice(0, packed.indexOf(FIELD)),
            packed,
            row: null,
            hash: meta[4 * i + 1] as number,
            idHashes: [meta[4 * i + 2] as number, meta[4 * i + 3] as number],
          });
          batch.files.push(index);
        }
      }
      await full();
    };
    for await (const block of textBlocks(file.path, csv, (bytes) => (this.bytesRead += bytes))) {
      let text = block.text;
      let firstLine = block.firstLine;
      if (csv && header === null) {
        const found = csvHeader(file, text, firstLine, this.problemSink());
        if (found === null) continue;
        header = found.header;
        text = found.rest;
        firstLine = found.firstLine;
      }
      const request: CheckRequest = {
        format: csv ? 'csv' : 'jsonl',
        fileName: file.name,
        kind: file.kind,
        text,
        firstLine,
        ...(header ? { columns: header.columns, width: header.width } : {}),
      };
      pending.push(pool ? pool.run(request) : Promise.resolve(checkBlock(request)));
      // A few blocks in flight keep the workers busy while the main thread takes the answers in order.
      while (pending.length > (pool ? BLOCKS_IN_FLIGHT : 0))
        await take(await (pending.shift() as Promise<CheckResponse>));
    }
    while (pending.length > 0) await take(await (pending.shift() as Promise<CheckResponse>));
    if (csv && header === null)
      this.problem({ file: file.name, line: 1, record: '-', message: 'has no header row' });
  }

  /**
   * The fast way for a block's statistics, when they are all new and all refer to nodes already
   * known with the kinds their fields allow (the usual case: a large file of new figures): their
   * lines go to the staged files whole, as the worker grouped them, with no work per row but the
   * repeat check. Any other block takes the way of single records (`admit`, `checkBatch`), which
   * reports every problem. Only for one-transaction imports with a bulk directory, and dry runs.
   */
  private async takeWhole(response: CheckResponse, file: number): Promise<boolean> {
    if (this.mode === 'journal' || (!this.staging && !this.options.dryRun)) return false;
    const unknown = response.targets.filter((target) => this.kindOf(target) === undefined);
    if (unknown.length > 0) await this.lookUp(unknown);
    const kinds: NodeKind[] = [];
    for (const target of response.targets) {
      const known = this.kindOf(target);
      if (!known) return false;
      kinds.push(known.kind);
    }
    const statements: string[] = [];
    for (const group of response.links) {
      const kind = kinds[group.target] as NodeKind;
      const link = (LINK_FIELDS[group.link] as (typeof LINK_FIELDS)[number])[0];
      if (!linkAllowed(link, kind)) return false;
      statements.push(statisticCopyStatementName(link, kind));
    }
    // New, and not repeated: checked before anything is recorded, so a block that fails leaves no trace.
    const meta = response.packedMeta;
    const count = meta.length / 4;
    const inBlock = new Set<number>();
    for (let i = 0; i < count; i += 1) {
      const h1 = meta[4 * i + 2] as number;
      const h2 = meta[4 * i + 3] as number;
      const key = h1 * 0x200000 + (h2 & 0x1fffff);
      if (inBlock.has(key) || this.nodeIndex.getHashed(h1, h2)) return false;
      inBlock.add(key);
    }
    if ((this.initialNodes.get('Statistic') ?? 0) > 0) {
      const ids = response.packedIds.split('\n');
      for (let i = 0; i < ids.length; i += 5000) {
        if ((await this.store.read(findStatistics, { ids: ids.slice(i, i + 5000) })).length > 0) return false;
      }
    }
    for (let i = 0; i < count; i += 1) {
      this.nodeIndex.addOrGetHashed(
        meta[4 * i + 2] as number,
        meta[4 * i + 3] as number,
        meta[4 * i + 1] as number,
        file,
        meta[4 * i] as number,
      );
    }
    this.nodes.Statistic.created += count;
    if (this.staging && this.problemCount === 0) {
      await this.staging.append(copyStatistics.name, response.packed);
      for (let i = 0; i < response.links.length; i += 1) {
        await this.staging.append(
          statements[i] as string,
          (response.links[i] as CheckResponse['links'][number]).lines,
        );
      }
    }
    return true;
  }

  /** Problems the readers find go through the cap. */
  private problemSink(): ProblemSink {
    return { push: (problem) => this.problem(problem) };
  }

  private async exists(id: string): Promise<boolean> {
    if (this.imported.has(id)) return true;
    await this.lookUp([id]);
    return Boolean(this.stored.get(id));
  }

  /** Looks up in the store the ids not looked up before (kind and, for sources, publication date). */
  private async lookUp(ids: Iterable<string>): Promise<void> {
    await this.fetchNodes([...new Set(ids)].filter((id) => !this.stored.has(id)));
  }

  /** The stored nodes with these ids; remembers, for each id, what the store has. */
  private async fetchNodes(ids: readonly string[]): Promise<Map<string, GraphNode>> {
    const found = new Map<string, GraphNode>();
    for (let i = 0; i < ids.length; i += 5000) {
      const part = ids.slice(i, i + 5000);
      for (const [id, node] of await findNodes(this.store, part)) found.set(id, node);
      for (const id of part) {
        const node = found.get(id);
        this.stored.set(
          id,
          node
            ? {
                kind: node.kind,
                published: typeof node.properties.published === 'string' ? node.properties.published : null,
              }
            : null,
        );
      }
    }
    return found;
  }

  /** Repeat and conflict checks of checked records, in reading order; returns those that pass. */
  private admit(items: readonly Checked[], files: readonly number[]): Valid[] {
    const valid: Valid[] = [];
    for (let i = 0; i < items.length; i += 1) {
      const checked = items[i] as Checked;
      const at: Location = { file: files[i] as number, line: checked.line };
      if (checked.t === 'c') {
        const claim = checked.record;
        const key = `${claim.type}|${claim.from}|${claim.to}|${claim.source}`;
        if (!this.firstTime(this.claimIndex, key, checked.hash, at, checked.label, 'claim')) continue;
        const definition = RELATIONSHIP_TYPES[claim.type as RelationshipType];
        valid.push({
          type: 'claim',
          record: claim,
          label: checked.label,
          at,
          refs: [
            { field: 'from', id: claim.from, allowed: definition.from },
            { field: 'to', id: claim.to, allowed: definition.to },
            { field: 'source', id: claim.source, allowed: ['Source'] },
          ],
        });
      } else if (checked.t === 's') {
        if (
          !this.firstTime(this.nodeIndex, checked.id, checked.hash, at, checked.id, 'id', checked.idHashes)
        ) {
          continue;
        }
        valid.push({
          type: 'statistic',
          id: checked.id,
          packed: checked.packed,
          row: checked.row,
          targets: targetsOf(checked.packed, checked.row),
          at,
        });
      } else {
        // A node a Comtrade file implies yields to a record of the import with the same id.
        if (checked.ensure && this.nodeIndex.get(checked.id)) continue;
        if (!this.firstTime(this.nodeIndex, checked.id, checked.hash, at, checked.id, 'id')) continue;
        // An amendment's kind (and a Source's date) come from the node the graph has.
        if (!checked.patch)
          this.imported.set(checked.id, { kind: checked.kind, published: checked.published });
        valid.push({
          type: 'node',
          kind: checked.kind,
          id: checked.id,
          row: checked.row,
          ensure: checked.ensure,
          given: checked.given,
          cleared: checked.cleared,
          patch: checked.patch,
          at,
          refs: checked.sources.map((source, i) => ({
            field: `sources.${i}`,
            id: source,
            allowed: ['Source'] as const,
          })),
        });
      }
    }
    return valid;
  }

  /**
   * Records a key as seen; false when it was seen before (an exact repeat is counted and skipped,
   * a conflicting one is a problem).
   */
  private firstTime(
    index: IdIndex,
    key: string,
    content: number,
    at: Location,
    record: string,
    field: string,
    hashes?: readonly [number, number],
  ): boolean {
    const first = hashes
      ? index.addOrGetHashed(hashes[0], hashes[1], content, at.file, at.line)
      : index.addOrGet(key, content, at.file, at.line);
    if (first === null) return true;
    if (first.content === content) {
      this.duplicates += 1;
      return false;
    }
    const where = `${this.files[first.file]?.name ?? '?'}:${first.line}`;
    this.problem({
      file: this.files[at.file]?.name ?? '?',
      line: at.line,
      record,
      ...(field === 'id' ? { field } : {}),
      message:
        field === 'id'
          ? `repeats the id "${key}" of the record at ${where} with different content`
          : `repeats the claim at ${where} with different properties`,
    });
    return false;
  }

  /**
   * A reference to an id neither in this change nor in the graph: says both, and how to add it
   * (a record of an allowed kind in the same change; files are checked together, in any order).
   */
  private missingMessage(id: string, allowed: readonly NodeKind[]): string {
    const files = this.files.length;
    const kind = allowed[0] ?? 'Source';
    const file = [...KIND_FILE_NAMES].find(([, each]) => each === kind)?.[0] ?? 'records';
    return (
      `refers to "${id}", which is neither in this change (its ${files} file${files === 1 ? '' : 's'}) nor in the graph: ` +
      `add a ${allowed.join(' or ')} record with id "${id}" to the change (a ${file}.csv or ${file}.jsonl file, ` +
      `or a line {"kind": "${kind}", "id": "${id}", …} in a JSON Lines file), or correct the id`
    );
  }

  private kindOf(id: string): Known | null | undefined {
    return this.imported.get(id) ?? this.stored.get(id);
  }

  /**
   * Resolves references, classifies each record against the store (created, updated, unchanged)
   * and returns what to write. Records whose references point further into the import wait.
   */
  private async checkBatch(valid: readonly Valid[], final = false): Promise<WritePlan> {
    const plan = emptyPlan(this.mode === 'journal');
    // One look-up serves both: the nodes to compare with, and the references not known yet.
    // Statistics, by far the most records, resolve their targets once, in a pass of their own.
    const lookUp = new Set<string>();
    const unsure: Valid[] = [];
    const ready: Valid[] = [];
    for (const item of valid) {
      if (item.type === 'statistic') {
        const kinds: (NodeKind | null)[] = [];
        let sure = true;
        for (let i = 0; i < item.targets.length; i += 1) {
          const id = item.targets[i];
          if (typeof id !== 'string') {
            kinds.push(null);
            continue;
          }
          const known = this.kindOf(id);
          if (known === undefined) lookUp.add(id);
          const allowed = (STATISTIC_REFERENCES[i] as (typeof STATISTIC_REFERENCES)[number])[1];
          if (known && allowed.includes(known.kind)) kinds.push(known.kind);
          else {
            sure = false;
            kinds.push(null);
          }
        }
        if (sure) {
          item.kinds = kinds;
          ready.push(item);
        } else unsure.push(item);
        continue;
      }
      if (item.type === 'node') lookUp.add(item.id);
      for (const ref of referencesOf(item)) if (this.kindOf(ref.id) === undefined) lookUp.add(ref.id);
      unsure.push(item);
    }
    const storedNodes = await this.fetchNodes([...lookUp]);

    for (const item of unsure) {
      let waiting = false;
      let wrong = false;
      for (const ref of referencesOf(item)) {
        const known = this.kindOf(ref.id);
        if (known && ref.allowed.includes(known.kind)) continue;
        const place = {
          file: this.files[item.at.file]?.name ?? '?',
          line: item.at.line,
          record: labelOf(item),
        };
        if (known) {
          wrong = true;
          this.problem({
            ...place,
            field: ref.field,
            message: `refers to "${ref.id}", a ${known.kind}; expected ${ref.allowed.join(' or ')}`,
          });
        } else if (final) {
          wrong = true;
          this.problem({
            ...place,
            field: ref.field,
            message: this.missingMessage(ref.id, ref.allowed),
          });
        } else {
          // Not known yet: it may come later in the import. Checked again at the end.
          const pending = this.pending.get(ref.id) ?? { id: ref.id, places: [], count: 0 };
          pending.count += 1;
          if (pending.places.length < PENDING_PLACES) {
            pending.places.push({
              at: item.at,
              record: place.record,
              field: ref.field,
              allowed: ref.allowed,
            });
          }
          this.pending.set(ref.id, pending);
          // An entity's `sources` list is a property: the entity can be written now.
          if (item.type !== 'node') waiting = true;
        }
      }
      if (wrong) continue;
      if (item.type === 'statistic' && !waiting) item.kinds = this.kindsOf(item.targets);
      if (waiting) this.deferred.push(item);
      else ready.push(item);
    }

    await this.classifyNodes(
      ready.filter((item) => item.type === 'node'),
      storedNodes,
      plan,
    );
    await this.classifyStatistics(
      ready.filter((item) => item.type === 'statistic'),
      plan,
    );
    await this.classifyClaims(
      ready.filter((item) => item.type === 'claim'),
      plan,
    );
    return plan;
  }

  private async classifyNodes(
    items: readonly Extract<Valid, { type: 'node' }>[],
    storedNodes: ReadonlyMap<string, GraphNode>,
    plan: WritePlan,
  ): Promise<void> {
    for (const item of items) {
      const stored = storedNodes.get(item.id);
      if (stored && stored.kind !== item.kind) {
        this.problem({
          file: this.files[item.at.file]?.name ?? '?',
          line: item.at.line,
          record: item.id,
          field: 'id',
          message: `"${item.id}" is already a ${stored.kind} in the store`,
        });
        continue;
      }
      const counts = this.nodes[item.kind];
      if (stored && item.ensure) {
        counts.unchanged += 1;
        continue;
      }
      if (!stored && item.patch) {
        // Leaves out what a new node needs: it can only amend a node the graph has.
        const needs = fieldsOf(item.kind).filter((field) => !item.given.includes(field) && field !== 'id');
        this.problem({
          file: this.files[item.at.file]?.name ?? '?',
          line: item.at.line,
          record: item.id,
          field: 'id',
          message:
            `"${item.id}" is not in the graph, and a new ${item.kind} needs every required field ` +
            `(this record leaves out some of: ${needs.join(', ')}); check the id, or give the whole record`,
        });
        continue;
      }
      let row = item.row;
      if (stored) {
        const merged = mergeNode(item.kind, rowOfNode(stored), item, this.options.replaceEntities ?? false);
        if (merged.changes.length === 0) {
          counts.unchanged += 1;
          continue;
        }
        row = merged.row;
        this.changeCount += 1;
        this.overwrites += merged.changes.filter((change) => change.overwrites).length;
        if (this.changes.length < CHANGES_KEPT) {
          this.changes.push({ kind: item.kind, id: item.id, fields: merged.changes });
        }
        counts.updated += 1;
        plan.undo?.nodes.push({ kind: item.kind, row: rowOfNode(stored) });
      } else {
        counts.created += 1;
        plan.undo?.createdNodes.push(item.id);
      }
      const rows = plan.upserts[item.kind] ?? [];
      rows.push(row);
      plan.upserts[item.kind] = rows;
    }
  }

  private kindsOf(targets: readonly (string | null)[]): (NodeKind | null)[] {
    return targets.map((id) => (id === null ? null : this.targetKind(id)));
  }

  private targetKind(id: string): NodeKind {
    const known = this.kindOf(id);
    if (!known) throw new Error(`unresolved reference "${id}"`);
    return known.kind;
  }

  private async classifyStatistics(
    items: readonly Extract<Valid, { type: 'statistic' }>[],
    plan: WritePlan,
  ): Promise<void> {
    if (items.length === 0) return;
    const stored = new Map<string, GraphNode>();
    if ((this.initialNodes.get('Statistic') ?? 0) > 0) {
      const ids = items.map((item) => item.id);
      for (let i = 0; i < ids.length; i += 5000) {
        for (const row of await this.store.read(findStatistics, { ids: ids.slice(i, i + 5000) })) {
          stored.set(row.id, row.node);
        }
      }
    }
    const counts = this.nodes.Statistic;
    for (const item of items) {
      const before = stored.get(item.id);
      if (before && holds(before.properties, rowOf(item))) {
        counts.unchanged += 1;
        continue;
      }
      const packed = before ? null : item.packed;
      if (packed !== null) {
        counts.created += 1;
        plan.undo?.createdNodes.push(item.id);
        plan.inserted.push(packed);
        const kinds = item.kinds ?? this.kindsOf(item.targets);
        for (let i = 0; i < LINK_FIELDS.length; i += 1) {
          const target = item.targets[i];
          const kind = kinds[i];
          const [link] = LINK_FIELDS[i] as (typeof LINK_FIELDS)[number];
          if (typeof target === 'string' && kind)
            append(plan.insertedLinks, linkName(link, kind), linkLine(item.id, target));
        }
        continue;
      }
      if (before) {
        counts.updated += 1;
        plan.undo?.nodes.push({ kind: 'Statistic', row: rowOfNode(before) });
        plan.unlink.push(item.id);
      } else {
        counts.created += 1;
        plan.undo?.createdNodes.push(item.id);
      }
      const { changePercent, changeComparedTo, ...row } = rowOf(item);
      plan.statistics.push(row);
      if (changePercent !== null && changePercent !== undefined) {
        plan.changes.push({ id: item.id, changePercent, changeComparedTo: changeComparedTo ?? null });
      }
      for (let i = 0; i < STATISTIC_LINK_FIELDS.length; i += 1) {
        const target = item.targets[i];
        const [link] = STATISTIC_LINK_FIELDS[i] as (typeof STATISTIC_LINK_FIELDS)[number];
        if (typeof target !== 'string') continue;
        const kind = this.targetKind(target);
        if (linkAllowed(link, kind)) {
          push(plan.statisticLinks, statisticLinkStatementName(link, kind), { id: item.id, target });
        }
      }
    }
  }

  private async classifyClaims(
    items: readonly Extract<Valid, { type: 'claim' }>[],
    plan: WritePlan,
  ): Promise<void> {
    if (items.length === 0) return;
    const existing = new Map<string, Readonly<Record<string, StoreValue>>>();
    if (this.initialClaims > 0) {
      // Each claim's start is an entity whose kind the batch's checks have resolved.
      const fromsByKind = new Map<NodeKind, Set<string>>();
      for (const { record } of items) {
        const kind = this.kindOf(record.from)?.kind;
        if (kind) fromsByKind.set(kind, (fromsByKind.get(kind) ?? new Set()).add(record.from));
      }
      for (const [kind, froms] of fromsByKind) {
        const ids = [...froms];
        for (let i = 0; i < ids.length; i += 2000) {
          for (const edge of await outgoingClaims(this.store, kind, ids.slice(i, i + 2000))) {
            const source = edge.properties.source;
            if (typeof source === 'string')
              existing.set(`${edge.type}|${edge.startId}|${edge.endId}|${source}`, edge.properties);
          }
        }
      }
    }
    for (const item of items) {
      const claim = item.record;
      const published = this.kindOf(claim.source)?.published ?? null;
      const row = claimRow(claim, published);
      const key = `${claim.type}|${claim.from}|${claim.to}|${claim.source}`;
      const before = existing.get(key);
      const { from: _from, to: _to, ...properties } = row;
      if (before && holds(before, properties)) {
        this.relationships.unchanged += 1;
        continue;
      }
      const statement = claimStatementName(
        claim.type as RelationshipType,
        this.targetKind(claim.from),
        this.targetKind(claim.to),
      );
      if (before) {
        this.relationships.updated += 1;
        plan.undo?.claims.push({
          statement,
          row: {
            from: claim.from,
            to: claim.to,
            source: claim.source,
            asOf: (before.asOf as string | null | undefined) ?? null,
            role: (before.role as string | null | undefined) ?? null,
            since: (before.since as string | null | undefined) ?? null,
            until: (before.until as string | null | undefined) ?? null,
            note: (before.note as string | null | undefined) ?? null,
          },
        });
      } else {
        this.relationships.created += 1;
        plan.undo?.createdClaims.push({
          kind: claim.type,
          from: claim.from,
          to: claim.to,
          source: claim.source,
        });
      }
      push(plan.claims, statement, row);
    }
  }

  /** At the end: references that pointed ahead are resolved, and the records that waited for them written. */
  private async finishReferences(onPlan: (plan: WritePlan) => Promise<void>): Promise<void> {
    for (const pending of this.pending.values()) {
      const known = this.kindOf(pending.id);
      for (const place of pending.places) {
        const file = this.files[place.at.file]?.name ?? '?';
        if (!known) {
          this.problem({
            file,
            line: place.at.line,
            record: place.record,
            field: place.field,
            message: this.missingMessage(pending.id, place.allowed),
          });
        } else if (!place.allowed.includes(known.kind)) {
          this.problem({
            file,
            line: place.at.line,
            record: place.record,
            field: place.field,
            message: `refers to "${pending.id}", a ${known.kind}; expected ${place.allowed.join(' or ')}`,
          });
        }
      }
      const first = pending.places[0];
      if (!known && first && pending.count > pending.places.length) {
        this.problem({
          file: this.files[first.at.file]?.name ?? '?',
          record: '-',
          message: `… and ${pending.count - pending.places.length} more references to "${pending.id}"`,
        });
      }
    }
    this.pending.clear();
    if (this.deferred.length === 0 || this.problemCount > 0) return;
    const deferred = this.deferred;
    this.deferred = [];
    for (let i = 0; i < deferred.length; i += this.batchSize) {
      await onPlan(await this.checkBatch(deferred.slice(i, i + this.batchSize), true));
    }
  }
}
