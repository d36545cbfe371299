import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import createDebug from 'debug';
import { ReadCoalescer, type CoalescingCounts, type NamedStatement } from '../coalesce.js';
import { CypherCatalog } from '../cypher-catalog.js';
import { ReadOnlyStoreError, StoreUnavailableError } from '../errors.js';
import type { GraphStore, StoreHealth, TransactionOptions, WriteTransaction } from '../graph-store.js';
import type { Statement } from '../statements.js';
import type { Params, Row } from '../values.js';
import { buildAndSwitch, putInPlace } from './bulk-write.js';
import { closeHandles, messageOf, toStoreError, type Handles, type Settings } from './connection.js';
import { databaseFiles, resetWorkDirectory, type DatabaseFiles } from './files.js';
import { openHandles, type OpenRecovery } from './open.js';
import { Mutex, ReaderPool } from './pool.js';
import { runTransaction } from './transaction.js';

export type { OpenRecovery } from './open.js';

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
  /**
   * Opens the database read-only, so that several processes may serve it at once: no schema
   * statements run, the work directory (another process's) is left alone, and every transaction
   * is refused with a ReadOnlyStoreError whose message is `reason`. The engine does not stop a
   * read-write open while readers have the file (0.19.1 locks only for writers): whoever starts
   * the readers keeps the database open read-write, idle, so that no other process writes under them.
   */
  readonly readOnly?: { readonly reason: string };
  /**
   * Whether keyed reads waiting for a connection run as one statement (default true; see
   * `ReadCoalescer`). Off only to measure what it gains.
   */
  readonly coalesceReads?: boolean;
}

const GiB = 1024 ** 3;

/**
 * The embedded default: a Ladybug (Kuzu) database in a local file. The one class the rest of the
 * code sees of the embedded driver: it owns connections, transactions, timeouts, error mapping,
 * and the files around the database, with its parts in this folder: `connection.ts` (the driver's
 * objects), `open.ts` (opening and recovery), `pool.ts` (the read connections),
 * `transaction.ts` (commit then checkpoint), `bulk-write.ts` (the copy and the switch). See
 * src/store/embedded/README.md for what a crash leaves and how the next open deals with it.
 */
export class EmbeddedStore implements GraphStore {
  readonly engine = 'embedded' as const;
  private readonly pool: ReaderPool;
  private readonly writeLock = new Mutex();
  private readonly coalescer: ReadCoalescer | undefined;
  private closed = false;

  private constructor(
    private handles: Handles,
    private readonly settings: Settings,
    private readonly batchSize: number,
    private readonly files: DatabaseFiles,
    /** What opening the database recovered from. */
    readonly recovery: OpenRecovery,
    /** How long a read may wait for a free connection (0: as long as it takes). */
    acquireTimeoutMs: number = 0,
    /** Why writes are refused, when the database is open read-only. */
    private readonly readOnlyReason: string | undefined = undefined,
    coalesceReads = true,
  ) {
    this.pool = new ReaderPool(handles.readers, acquireTimeoutMs);
    this.coalescer = coalesceReads
      ? new ReadCoalescer((statement, params) => this.readInTurn(statement, params))
      : undefined;
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
      readOnly: options.readOnly !== undefined,
    };
    const { handles, keptLog } = await openHandles(database, settings, undefined, !settings.readOnly);
    // The engine's lock is held from here: what the work directory holds is an earlier process's.
    const removed = settings.readOnly ? [] : resetWorkDirectory(files);
    if (removed.length > 0) log('removed what unfinished writes left: %o', removed);
    log(
      'opened %s%s with %d readers',
      database,
      settings.readOnly ? ' read-only' : '',
      handles.readers.length,
    );
    return new EmbeddedStore(
      handles,
      settings,
      options.batchSize ?? 2000,
      files,
      { removed, keptLog },
      options.acquireTimeoutMs ?? options.queryTimeoutMs ?? 0,
      options.readOnly?.reason,
      options.coalesceReads ?? true,
    );
  }

  /** The database file. */
  get directory(): string {
    return this.files.database;
  }

  /** See GraphStore: where staged files for the bulk loader go (none when read-only). */
  get bulkDirectory(): string | undefined {
    return this.readOnlyReason === undefined ? this.files.bulk : undefined;
  }

  /**
   * See GraphStore: temporary files of this store, removed when it next opens. None when
   * read-only: the work directory is the writer's, which empties it at its open.
   */
  get scratchDirectory(): string | undefined {
    return this.readOnlyReason === undefined ? this.files.scratch : undefined;
  }

  /**
   * Runs a read on a free connection. When every connection is busy, a keyed read
   * (`Statement.keyedBy`) joins the reads of its statement already waiting, and they run as one
   * statement (`ReadCoalescer`) when their turn comes.
   */
  async read<P extends Params, R extends Row>(statement: Statement<P, R>, params: P): Promise<R[]> {
    this.assertOpen();
    const { keyedBy } = statement;
    if (keyedBy && this.coalescer && this.pool.busy()) {
      return this.coalescer.read({ ...statement, keyedBy }, params);
    }
    return (await this.readInTurn(statement, () => params)) as R[];
  }

  /** Reads coalesced so far (see `read`); undefined when this store does not coalesce. */
  get coalescing(): CoalescingCounts | undefined {
    return this.coalescer?.counts;
  }

  private async readInTurn(statement: NamedStatement, params: () => Params): Promise<Row[]> {
    const connection = await this.pool.acquire();
    try {
      log('read %s', statement.name);
      return await connection.execute(this.settings.catalog, statement.name, params());
    } catch (error) {
      throw toStoreError(statement.name, error);
    } finally {
      this.pool.release(connection);
    }
  }

  /** The RETURN columns of a read statement's result, as the engine names them (for the catalog's tests). */
  async columnsOf<P extends Params>(statement: Statement<P>, params: P): Promise<string[]> {
    this.assertOpen();
    const connection = await this.pool.acquire();
    try {
      return await connection.columns(this.settings.catalog, statement.name, params);
    } catch (error) {
      throw toStoreError(statement.name, error);
    } finally {
      this.pool.release(connection);
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
    if (this.readOnlyReason !== undefined) throw new ReadOnlyStoreError(this.readOnlyReason);
    const unlock = await this.writeLock.lock();
    try {
      this.assertOpen();
      const signal = options?.signal;
      if (options?.bulk) {
        return await buildAndSwitch({
          files: this.files,
          settings: this.settings,
          batchSize: this.batchSize,
          writer: this.handles.writer,
          work,
          signal,
          switchTo: (building) => this.switchTo(building),
        });
      }
      return await runTransaction(this.handles.writer, work, {
        catalog: this.settings.catalog,
        batchSize: this.batchSize,
        bulkDirectory: undefined,
        signal,
      });
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
    this.pool.failWaiting(new StoreUnavailableError('the embedded store is closed'));
    await this.pool.idle();
    const release = await this.writeLock.lock();
    try {
      await closeHandles(this.handles);
      if (this.readOnlyReason === undefined) rmSync(this.files.work, { recursive: true, force: true });
      log('closed %s', this.directory);
    } finally {
      release();
    }
  }

  /**
   * Replaces the database with `building`: reads wait while the database is closed, renamed over
   * (`putInPlace`) and reopened, then go on, on the new graph.
   */
  private async switchTo(building: string): Promise<void> {
    this.pool.pause();
    let problem: unknown = null;
    try {
      await this.pool.idle();
      await closeHandles(this.handles);
      putInPlace(this.files, building);
    } catch (error) {
      problem = error;
    }
    // Whichever file is in place now is whole: reopen it.
    try {
      this.handles = (await openHandles(this.files.database, this.settings, undefined, false)).handles;
    } catch (error) {
      // The store cannot go on; the next open will say why.
      this.closed = true;
      this.pool.failWaiting(new StoreUnavailableError(messageOf(error)));
      throw error;
    }
    this.pool.resume(this.handles.readers);
    if (problem) throw problem;
  }

  private assertOpen(): void {
    if (this.closed) throw new StoreUnavailableError('the embedded store is closed');
  }
}
