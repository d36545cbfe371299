import { mkdirSync } from 'node:fs';
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
  /** Milliseconds after which a statement is cancelled. */
  readonly queryTimeoutMs?: number;
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
  private readonly waiting: ((connection: PooledConnection) => void)[] = [];
  private readonly writeLock = new Mutex();
  private closed = false;

  private constructor(
    private readonly database: Database,
    private readonly catalog: CypherCatalog,
    private readonly writer: PooledConnection,
    readers: PooledConnection[],
    private readonly batchSize: number,
    readonly directory: string,
  ) {
    this.idle = readers;
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
    const connect = async (): Promise<PooledConnection> => {
      const connection = new Connection(database);
      await connection.init();
      if (options.queryTimeoutMs) connection.setQueryTimeout(options.queryTimeoutMs);
      return new PooledConnection(connection);
    };
    const writer = await connect();
    for (const statement of catalog.schema) await writer.query(statement);
    const readers = await Promise.all(Array.from({ length: options.readers ?? 4 }, connect));
    log('opened %s with %d readers', directory, readers.length);
    return new EmbeddedStore(database, catalog, writer, readers, options.batchSize ?? 2000, directory);
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
    const release = await this.writeLock.lock();
    try {
      await this.database.close();
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
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(connection: PooledConnection): void {
    const next = this.waiting.shift();
    if (next) next(connection);
    else this.idle.push(connection);
  }
}
