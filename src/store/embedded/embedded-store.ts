import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import createDebug from 'debug';
import { Connection, Database, type PreparedStatement, type QueryResult } from '@ladybugdb/core';
import { CypherCatalog } from '../cypher-catalog.js';
import { StoreError, StoreQueryError, StoreTimeoutError, StoreUnavailableError } from '../errors.js';
import type { GraphStore, StoreHealth, WriteTransaction } from '../graph-store.js';
import type { Statement } from '../statements.js';
import type { Params, ParamValue, Row } from '../values.js';
import { homogeneousBatches } from './batches.js';
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
  /**
   * Where the bulk loader reads staged files from (statements name them relatively, see
   * `bulkDirectory` on GraphStore). Default: a temporary directory of the store's own, removed on close.
   */
  readonly bulkDirectory?: string;
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

/**
 * The embedded default: a Ladybug (Kuzu) database in a local directory. The only class that
 * touches the embedded driver: it owns connections, transactions, timeouts and error mapping.
 */
export class EmbeddedStore implements GraphStore {
  readonly engine = 'embedded' as const;
  private readonly idle: PooledConnection[];
  private readonly readerCount: number;
  private readonly waiting: Waiter[] = [];
  private readonly writeLock = new Mutex();
  private closed = false;
  /** Resolves `close()` once every reader is back in the pool. */
  private drained: (() => void) | null = null;
  /** The directory the writer's bulk loader reads staged files from, and whether the store made it. */
  private bulk: { readonly directory: string; readonly owned: boolean } | null = null;

  private constructor(
    private readonly database: Database,
    private readonly catalog: CypherCatalog,
    private readonly writer: PooledConnection,
    readers: PooledConnection[],
    private readonly batchSize: number,
    readonly directory: string,
    /** How long a read may wait for a free connection (0: as long as it takes). */
    private readonly acquireTimeoutMs: number = 0,
  ) {
    this.idle = readers;
    this.readerCount = readers.length;
  }

  static async open(options: EmbeddedStoreOptions): Promise<EmbeddedStore> {
    const catalog = options.catalog ?? CypherCatalog.load('embedded');
    const directory = path.resolve(options.directory);
    mkdirSync(path.dirname(directory), { recursive: true });
    let database: Database;
    try {
      database = new Database(
        directory,
        options.bufferPoolBytes ?? GiB,
        true,
        false,
        options.maxDatabaseBytes ?? 256 * GiB,
      );
      await database.init();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const reason = /lock/i.test(message)
        ? `the database at ${directory} is in use by another process (${message})`
        : `cannot open the database at ${directory}: ${message}`;
      throw new StoreUnavailableError(reason, { cause: error });
    }
    const connect = async (timeoutMs = options.queryTimeoutMs): Promise<PooledConnection> => {
      const connection = new Connection(database);
      await connection.init();
      if (timeoutMs) connection.setQueryTimeout(timeoutMs);
      return new PooledConnection(connection);
    };
    const writer = await connect(options.writeTimeoutMs ?? options.queryTimeoutMs);
    for (const statement of catalog.schema) await writer.query(statement);
    // Bulk statements name their staged files relatively (COPY … FROM 'tradegraph-….csv'); the
    // writer resolves such names in a directory of this store's own.
    const bulk = options.bulkDirectory
      ? { directory: path.resolve(options.bulkDirectory), owned: false }
      : { directory: mkdtempSync(path.join(os.tmpdir(), 'tradegraph-bulk-')), owned: true };
    await writer.query(fileSearchPath(bulk.directory));
    const readers = await Promise.all(Array.from({ length: options.readers ?? 4 }, () => connect()));
    log('opened %s with %d readers', directory, readers.length);
    const store = new EmbeddedStore(
      database,
      catalog,
      writer,
      readers,
      options.batchSize ?? 2000,
      directory,
      options.acquireTimeoutMs ?? options.queryTimeoutMs ?? 0,
    );
    store.bulk = bulk;
    return store;
  }

  /** See GraphStore: where staged files for the bulk loader go. */
  get bulkDirectory(): string | undefined {
    return this.bulk?.directory;
  }

  async read<P extends Params, R extends Row>(statement: Statement<P, R>, params: P): Promise<R[]> {
    this.assertOpen();
    const connection = await this.acquire();
    try {
      log('read %s', statement.name);
      return (await connection.execute(this.catalog, statement.name, params)) as R[];
    } catch (error) {
      throw toStoreError(statement.name, error);
    } finally {
      this.release(connection);
    }
  }

  async transaction<T>(work: (tx: WriteTransaction) => Promise<T>): Promise<T> {
    this.assertOpen();
    const unlock = await this.writeLock.lock();
    const writer = this.writer;
    const catalog = this.catalog;
    const batchSize = this.batchSize;
    const tx: WriteTransaction = {
      async run<P extends Params, R extends Row>(statement: Statement<P, R>, params: P): Promise<R[]> {
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
    try {
      await writer.query('BEGIN TRANSACTION');
      let result: T;
      try {
        result = await work(tx);
      } catch (error) {
        // A failed statement may already have ended the transaction inside the engine.
        await writer.query('ROLLBACK').catch((rollbackError: unknown) => log('rollback: %O', rollbackError));
        throw error;
      }
      await writer.query('COMMIT');
      return result;
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
    if (this.idle.length < this.readerCount) {
      await new Promise<void>((resolve) => (this.drained = resolve));
    }
    const release = await this.writeLock.lock();
    try {
      await this.database.close();
      if (this.bulk?.owned) rmSync(this.bulk.directory, { recursive: true, force: true });
      log('closed %s', this.directory);
    } finally {
      release();
    }
  }

  private assertOpen(): void {
    if (this.closed) throw new StoreUnavailableError('the embedded store is closed');
  }

  private acquire(): Promise<PooledConnection> {
    const connection = this.idle.pop();
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
    const next = this.waiting.shift();
    if (next) {
      next.grant(connection);
      return;
    }
    this.idle.push(connection);
    if (this.drained && this.idle.length === this.readerCount) this.drained();
  }
}
