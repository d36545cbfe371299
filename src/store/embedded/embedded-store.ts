import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import createDebug from 'debug';
import { Connection, Database, type PreparedStatement, type QueryResult } from '@ladybugdb/core';
import { CypherCatalog } from '../cypher-catalog.js';
import {
  StoreError,
  StoreQueryError,
  StoreTimeoutError,
  StoreUnavailableError,
  WriteAbortedError,
} from '../errors.js';
import type { GraphStore, StoreHealth, TransactionOptions, WriteTransaction } from '../graph-store.js';
import type { Statement } from '../statements.js';
import type { Params, ParamValue, Row } from '../values.js';
import { homogeneousBatches } from './batches.js';
import {
  copyDatabase,
  databaseFiles,
  engineFilesOf,
  fsyncPath,
  replaceFile,
  resetWorkDirectory,
  sizeOf,
  type DatabaseFiles,
} from './files.js';
import { mapEmbeddedRow } from './values.js';

const log = createDebug('tradegraph:store:embedded');

export interface EmbeddedStoreOptions {
  /** Directory of the database; created on first open. */
  readonly directory: string;
  readonly catalog?: CypherCatalog;
  /** Connections serving reads at the same time. */
  readonly readers?: number;
  /** Milliseconds after which a read statement is cancelled. */
  readonly queryTimeoutMs?: number;
  /** Milliseconds after which a statement of a write transaction is cancelled (default: `queryTimeoutMs`). */
  readonly writeTimeoutMs?: number;
  /** Milliseconds a read may wait for a free connection before StoreTimeoutError (default: `queryTimeoutMs`). */
  readonly acquireTimeoutMs?: number;
  /** Rows per call of a batch statement. */
  readonly batchSize?: number;
  /** Page cache in bytes (default 1 GiB). */
  readonly bufferPoolBytes?: number;
  /**
   * Largest the database may grow, in bytes (default 256 GiB). The engine reserves this much
   * address space per open database (8 TiB by default), so a process holding a dozen databases,
   * such as a test run, would otherwise run out of it.
   */
  readonly maxDatabaseBytes?: number;
}

const GiB = 1024 ** 3;

/** A connection with its prepared statements, so each text is parsed and planned once per connection. */
class PooledConnection {
  private readonly prepared = new Map<string, PreparedStatement>();
  constructor(readonly connection: Connection) {}

  async execute(catalog: CypherCatalog, name: string, params: Params): Promise<Row[]> {
    let statement = this.prepared.get(name);
    if (!statement) {
      statement = await this.connection.prepare(catalog.text(name));
      if (!statement.isSuccess()) throw new StoreQueryError(name, statement.getErrorMessage());
      this.prepared.set(name, statement);
    }
    const result = await this.connection.execute(statement, params as Record<string, never>);
    return collectRows(result);
  }

  async query(text: string): Promise<void> {
    const result = await this.connection.query(text);
    for (const each of Array.isArray(result) ? result : [result]) each.close();
  }

  async close(): Promise<void> {
    this.prepared.clear();
    await this.connection.close();
  }
}

/** An open database with its connections: the writer and the readers. */
interface Handles {
  readonly database: Database;
  readonly writer: PooledConnection;
  readonly readers: PooledConnection[];
}

/** What opening a database had to recover from, if anything. */
export interface OpenRecovery {
  /** Files of writes that never finished, removed from the store's work directory. */
  readonly removed: readonly string[];
  /** Where the write-ahead log that could not be replayed was kept, when there was one. */
  readonly keptLog: string | null;
}

async function collectRows(result: QueryResult | QueryResult[]): Promise<Row[]> {
  const results = Array.isArray(result) ? result : [result];
  const rows: Row[] = [];
  for (const each of results) {
    for (const raw of await each.getAll()) rows.push(mapEmbeddedRow(raw as Record<string, unknown>));
    each.close();
  }
  return rows;
}

/** A read waiting for a free connection. */
interface Waiter {
  grant(connection: PooledConnection): void;
  fail(error: StoreError): void;
}

/** A FIFO lock: one holder at a time, in arrival order. */
class Mutex {
  private tail: Promise<void> = Promise.resolve();
  async lock(): Promise<() => void> {
    let release!: () => void;
    const next = new Promise<void>((resolve) => (release = resolve));
    const previous = this.tail;
    this.tail = previous.then(() => next);
    await previous;
    return release;
  }
}

/**
 * The setting that makes relative file names in statements resolve in `directory`. A setting, not
 * a query: the engine takes no parameter here, so the path (one this store chose) is checked to
 * be plain before it is written into the text.
 */
function fileSearchPath(directory: string): string {
  if (!/^[\w./-]+$/.test(directory)) {
    throw new StoreUnavailableError(
      `the bulk directory "${directory}" may only hold letters, digits and . _ / -`,
    );
  }
  return `CALL file_search_path='${directory}'`;
}

function toStoreError(name: string, error: unknown): StoreError {
  if (error instanceof StoreError) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (/interrupted|timeout/i.test(message)) {
    return new StoreTimeoutError(`statement "${name}" ran past the query timeout`, { cause: error });
  }
  return new StoreQueryError(name, message, { cause: error });
}

/** How the engine words a write-ahead log it cannot replay (torn by a kill, or written wrong). */
const UNREPLAYABLE_LOG = /wal|checksum|corrupt/i;

interface Settings {
  readonly catalog: CypherCatalog;
  readonly bufferPoolBytes: number;
  readonly maxDatabaseBytes: number;
  readonly readers: number;
  readonly queryTimeoutMs: number | undefined;
  readonly writeTimeoutMs: number | undefined;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function openDatabase(file: string, settings: Settings, strictLog: boolean): Promise<Database> {
  const database = new Database(
    file,
    settings.bufferPoolBytes,
    true,
    false,
    settings.maxDatabaseBytes,
    true,
    -1,
    // Strict first: a log the engine cannot replay stops the open, and openHandles decides.
    strictLog,
  );
  await database.init();
  return database;
}

async function connect(database: Database, timeoutMs: number | undefined): Promise<PooledConnection> {
  const connection = new Connection(database);
  await connection.init();
  if (timeoutMs) connection.setQueryTimeout(timeoutMs);
  return new PooledConnection(connection);
}

async function closeHandles(handles: Handles): Promise<void> {
  for (const connection of [...handles.readers, handles.writer]) {
    await connection.close().catch((error: unknown) => log('closing a connection: %O', error));
  }
  await handles.database.close();
}

/**
 * Opens a database file with its connections. The engine replays the file's write-ahead log; if
 * the log cannot be replayed, it ends in the one write that was being committed when a process
 * died (every transaction of this store checkpoints before it is acknowledged, so the log never
 * holds an acknowledged write; see `transaction`). The log is then kept beside the database as
 * `<database>.wal.unreplayable-<time>` and the database opened without its unreplayable tail:
 * as it was before that write. Anything else that stops the open (a lock held by another process)
 * is a StoreUnavailableError.
 */
async function openHandles(
  file: string,
  settings: Settings,
  bulkDirectory: string | undefined,
  /** Whether to run the schema statements: not for a copy of, or the switch to, a database this store opened. */
  schema = true,
): Promise<{ handles: Handles; keptLog: string | null }> {
  const wal = `${file}.wal`;
  let database: Database;
  let keptLog: string | null = null;
  try {
    database = await openDatabase(file, settings, true);
  } catch (error) {
    const message = messageOf(error);
    if (/lock/i.test(message)) {
      throw new StoreUnavailableError(`the database at ${file} is in use by another process (${message})`, {
        cause: error,
      });
    }
    if (!UNREPLAYABLE_LOG.test(message) || sizeOf(wal) === 0) {
      throw new StoreUnavailableError(`cannot open the database at ${file}: ${message}`, { cause: error });
    }
    keptLog = `${wal}.unreplayable-${new Date().toISOString().replace(/[-:.]/g, '')}`;
    copyFileSync(wal, keptLog);
    try {
      database = await openDatabase(file, settings, false);
    } catch (again) {
      throw new StoreUnavailableError(`cannot open the database at ${file}: ${messageOf(again)}`, {
        cause: again,
      });
    }
    process.emitWarning(
      `the database at ${file} was opened as it was before the write that was being committed when ` +
        `the last process stopped (its write-ahead log could not be replayed: ${message}); that ` +
        `write had not been acknowledged. The log is kept at ${keptLog} and may be deleted.`,
      { code: 'TRADEGRAPH_RECOVERED' },
    );
  }
  // The schema statements and the checkpoint are the store's own start-up work, not a client's
  // statement: they run without the statement timeout, which is set once they are done.
  const writer = await connect(database, undefined);
  if (schema) {
    for (const statement of settings.catalog.schema) await writer.query(statement);
    // Nothing waits in the log once the store is open (see `transaction`).
    await writer.query('CHECKPOINT');
  }
  const writeTimeoutMs = settings.writeTimeoutMs ?? settings.queryTimeoutMs;
  if (writeTimeoutMs) writer.connection.setQueryTimeout(writeTimeoutMs);
  // Bulk statements name their staged files relatively (COPY … FROM 'copy-statistics.csv'); only
  // a bulk write's writer resolves such names, in the store's bulk directory.
  if (bulkDirectory) await writer.query(fileSearchPath(bulkDirectory));
  const readers = await Promise.all(
    Array.from({ length: settings.readers }, () => connect(database, settings.queryTimeoutMs)),
  );
  return { handles: { database, writer, readers }, keptLog };
}

/** Bulk statements (`copy-…`) read staged files; they run only in a bulk write (see `transaction`). */
const isBulkStatement = (name: string): boolean => name.startsWith('copy-');

/**
 * The embedded default: a Ladybug (Kuzu) database in a local file. The only class that touches
 * the embedded driver: it owns connections, transactions, timeouts, error mapping, and the files
 * around the database (see src/store/embedded/README.md for what a crash leaves and how the
 * next open deals with it).
 */
export class EmbeddedStore implements GraphStore {
  readonly engine = 'embedded' as const;
  private idle: PooledConnection[];
  private readonly readerCount: number;
  private readonly waiting: Waiter[] = [];
  private readonly writeLock = new Mutex();
  private closed = false;
  /** While set, reads wait for a connection: the database is being switched. */
  private paused = false;
  /** Resolves once every reader is back in the pool. */
  private drained: (() => void) | null = null;

  private constructor(
    private handles: Handles,
    private readonly settings: Settings,
    private readonly batchSize: number,
    private readonly files: DatabaseFiles,
    /** What opening the database recovered from. */
    readonly recovery: OpenRecovery,
    /** How long a read may wait for a free connection (0: as long as it takes). */
    private readonly acquireTimeoutMs: number = 0,
  ) {
    this.idle = [...handles.readers];
    this.readerCount = handles.readers.length;
  }

  static async open(options: EmbeddedStoreOptions): Promise<EmbeddedStore> {
    const database = path.resolve(options.directory);
    mkdirSync(path.dirname(database), { recursive: true });
    const files = databaseFiles(database);
    const settings: Settings = {
      catalog: options.catalog ?? CypherCatalog.load('embedded'),
      bufferPoolBytes: options.bufferPoolBytes ?? GiB,
      maxDatabaseBytes: options.maxDatabaseBytes ?? 256 * GiB,
      readers: options.readers ?? 4,
      queryTimeoutMs: options.queryTimeoutMs,
      writeTimeoutMs: options.writeTimeoutMs,
    };
    const { handles, keptLog } = await openHandles(database, settings, undefined);
    // The engine's lock is held from here: what the work directory holds is an earlier process's.
    const removed = resetWorkDirectory(files);
    if (removed.length > 0) log('removed what unfinished writes left: %o', removed);
    log('opened %s with %d readers', database, handles.readers.length);
    return new EmbeddedStore(
      handles,
      settings,
      options.batchSize ?? 2000,
      files,
      { removed, keptLog },
      options.acquireTimeoutMs ?? options.queryTimeoutMs ?? 0,
    );
  }

  /** The database file. */
  get directory(): string {
    return this.files.database;
  }

  /** See GraphStore: where staged files for the bulk loader go. */
  get bulkDirectory(): string {
    return this.files.bulk;
  }

  /** See GraphStore: temporary files of this store, removed when it next opens. */
  get scratchDirectory(): string {
    return this.files.scratch;
  }

  async read<P extends Params, R extends Row>(statement: Statement<P, R>, params: P): Promise<R[]> {
    this.assertOpen();
    const connection = await this.acquire();
    try {
      log('read %s', statement.name);
      return (await connection.execute(this.settings.catalog, statement.name, params)) as R[];
    } catch (error) {
      throw toStoreError(statement.name, error);
    } finally {
      this.release(connection);
    }
  }

  /**
   * One write transaction, durable when it resolves, and all or nothing whenever the process
   * dies. In place, a transaction commits and then checkpoints before it resolves: the engine
   * writes a transaction's records to its log at commit and may write a log it cannot replay
   * (LadybugDB #771: records over 4 KiB), so nothing acknowledged is left to depend on the log.
   * A process killed meanwhile leaves the graph as before (the log is torn or unreplayable, see
   * `openHandles`) or as after (the commit or checkpoint completed).
   *
   * A bulk write (`options.bulk`) is built in a copy of the database instead, because the
   * engine's bulk loader writes its rows to the database file, not to the log, and makes them
   * durable only by a checkpoint after the commit: killed between the two, the log's half of the
   * transaction comes back without the loaded rows. The copy is committed, checkpointed and
   * closed, then renamed over the database; reads keep the database as it was until the rename
   * and wait for the moment the store reopens it.
   */
  async transaction<T>(work: (tx: WriteTransaction) => Promise<T>, options?: TransactionOptions): Promise<T> {
    this.assertOpen();
    const unlock = await this.writeLock.lock();
    try {
      this.assertOpen();
      if (options?.bulk) return await this.buildAndSwitch(work, options.signal);
      return await this.run(this.handles.writer, work, undefined, options?.signal);
    } finally {
      unlock();
    }
  }

  async health(): Promise<StoreHealth> {
    if (this.closed) return { engine: this.engine, ok: false, detail: 'closed' };
    return { engine: this.engine, ok: true, detail: `embedded database at ${this.directory}` };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    // Reads waiting for a connection are refused; reads running are let finish (each within the
    // query timeout), so the database is never closed under a statement.
    for (const waiter of this.waiting.splice(0))
      waiter.fail(new StoreUnavailableError('the embedded store is closed'));
    await this.readersIdle();
    const release = await this.writeLock.lock();
    try {
      await closeHandles(this.handles);
      rmSync(this.files.work, { recursive: true, force: true });
      log('closed %s', this.directory);
    } finally {
      release();
    }
  }

  /** Runs `work` in one transaction on `writer`: commit, then checkpoint, before it resolves. */
  private async run<T>(
    writer: PooledConnection,
    work: (tx: WriteTransaction) => Promise<T>,
    bulkDirectory: string | undefined,
    signal: AbortSignal | undefined,
  ): Promise<T> {
    const catalog = this.settings.catalog;
    const batchSize = this.batchSize;
    const tx: WriteTransaction = {
      bulkDirectory,
      async run<P extends Params, R extends Row>(statement: Statement<P, R>, params: P): Promise<R[]> {
        if (isBulkStatement(statement.name) && bulkDirectory === undefined) {
          throw new StoreQueryError(
            statement.name,
            'a bulk statement runs only in a bulk write (transaction(work, { bulk: true }))',
          );
        }
        try {
          return (await writer.execute(catalog, statement.name, params)) as R[];
        } catch (error) {
          throw toStoreError(statement.name, error);
        }
      },
      async runBatch<Item extends { readonly [key: string]: ParamValue }>(
        statement: Statement<{ rows: Item[] }>,
        rows: readonly Item[],
      ): Promise<void> {
        for (const batch of homogeneousBatches(rows, batchSize)) await tx.run(statement, { rows: batch });
      },
    };
    await writer.query('BEGIN TRANSACTION');
    let result: T;
    try {
      result = await work(tx);
      if (signal?.aborted)
        throw new WriteAbortedError('the write was called off before its commit; nothing was applied');
    } catch (error) {
      // A failed statement may already have ended the transaction inside the engine.
      await writer.query('ROLLBACK').catch((rollbackError: unknown) => log('rollback: %O', rollbackError));
      throw error;
    }
    try {
      await writer.query('COMMIT');
    } catch (error) {
      await writer.query('ROLLBACK').catch(() => undefined);
      throw toStoreError('commit', error);
    }
    try {
      await writer.query('CHECKPOINT');
    } catch (error) {
      throw toStoreError('checkpoint', error);
    }
    return result;
  }

  /** A bulk write: built in a copy of the database, then switched in (see `transaction`). */
  private async buildAndSwitch<T>(
    work: (tx: WriteTransaction) => Promise<T>,
    signal: AbortSignal | undefined,
  ): Promise<T> {
    const { files } = this;
    const started = Date.now();
    // Every transaction checkpoints, so the database file alone holds every committed write.
    await this.handles.writer.query('CHECKPOINT');
    copyDatabase(files.database, files.building);
    log('bulk write: copied %s in %d ms', files.database, Date.now() - started);
    let building: Handles | null = null;
    try {
      building = (await openHandles(files.building, { ...this.settings, readers: 0 }, files.bulk, false))
        .handles;
      const result = await this.run(building.writer, work, files.bulk, signal);
      await closeHandles(building);
      building = null;
      // Closed after its checkpoint, the copy is whole in its one file.
      for (const file of engineFilesOf(files.building)) {
        if (sizeOf(file) > 0) {
          throw new StoreError(
            `the copy being built still has ${file} after its checkpoint; nothing was changed`,
          );
        }
        rmSync(file, { force: true });
      }
      fsyncPath(files.building);
      // The point of no return: once the switch starts, the write completes.
      if (signal?.aborted)
        throw new WriteAbortedError('the bulk write was called off before its switch; nothing was applied');
      await this.switchTo(files.building);
      log('bulk write: switched in after %d ms', Date.now() - started);
      return result;
    } catch (error) {
      if (building) await closeHandles(building).catch((closeError: unknown) => log('close: %O', closeError));
      for (const file of [files.building, ...engineFilesOf(files.building)]) rmSync(file, { force: true });
      throw error;
    }
  }

  /**
   * Replaces the database with `building`: reads wait while the database is closed, renamed over
   * and reopened. If anything of the old database is still in its engine files after it closed,
   * the switch is called off (the rename would put that log in front of the new file).
   */
  private async switchTo(building: string): Promise<void> {
    const { files } = this;
    this.paused = true;
    let problem: unknown = null;
    try {
      await this.readersIdle();
      await closeHandles(this.handles);
      const left = engineFilesOf(files.database).filter((file) => sizeOf(file) > 0);
      if (left.length > 0) {
        throw new StoreError(
          `${left.join(', ')} outlived closing the database; the bulk write was not switched in`,
        );
      }
      for (const file of engineFilesOf(files.database)) rmSync(file, { force: true });
      replaceFile(building, files.database);
    } catch (error) {
      problem = error;
    }
    // Whichever file is in place now is whole: reopen it.
    try {
      this.handles = (await openHandles(files.database, this.settings, undefined, false)).handles;
      this.idle = [...this.handles.readers];
    } catch (error) {
      // The store cannot go on; the next open will say why.
      this.closed = true;
      this.paused = false;
      for (const waiter of this.waiting.splice(0)) waiter.fail(new StoreUnavailableError(messageOf(error)));
      throw error;
    }
    this.paused = false;
    while (this.waiting.length > 0 && this.idle.length > 0) {
      (this.waiting.shift() as Waiter).grant(this.idle.pop() as PooledConnection);
    }
    if (problem) throw problem;
  }

  private assertOpen(): void {
    if (this.closed) throw new StoreUnavailableError('the embedded store is closed');
  }

  /** Resolves once no read holds a connection. */
  private readersIdle(): Promise<void> {
    if (this.idle.length === this.readerCount) return Promise.resolve();
    return new Promise<void>((resolve) => (this.drained = resolve));
  }

  private acquire(): Promise<PooledConnection> {
    const connection = this.paused ? undefined : this.idle.pop();
    if (connection) return Promise.resolve(connection);
    return new Promise((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined;
      const waiter: Waiter = {
        grant: (granted) => {
          clearTimeout(timer);
          resolve(granted);
        },
        fail: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      };
      if (this.acquireTimeoutMs > 0) {
        timer = setTimeout(() => {
          const index = this.waiting.indexOf(waiter);
          if (index >= 0) this.waiting.splice(index, 1);
          reject(
            new StoreTimeoutError(
              `every one of the ${this.readerCount} read connections stayed busy for ${this.acquireTimeoutMs} ms`,
            ),
          );
        }, this.acquireTimeoutMs);
      }
      this.waiting.push(waiter);
    });
  }

  private release(connection: PooledConnection): void {
    if (!this.paused) {
      const next = this.waiting.shift();
      if (next) {
        next.grant(connection);
        return;
      }
    }
    this.idle.push(connection);
    if (this.drained && this.idle.length === this.readerCount) {
      const drained = this.drained;
      this.drained = null;
      drained();
    }
  }
}
