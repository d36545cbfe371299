import createDebug from 'debug';
import neo4j, { type Driver, type ManagedTransaction, type Session, type Transaction } from 'neo4j-driver';
import { CypherCatalog } from '../cypher-catalog.js';
import { StoreError, StoreQueryError, StoreTimeoutError, StoreUnavailableError } from '../errors.js';
import type { GraphStore, StoreHealth, WriteTransaction } from '../graph-store.js';
import type { Statement } from '../statements.js';
import type { Params, ParamValue, Row } from '../values.js';
import { mapNeo4jRecord } from './values.js';
import { redactUri } from '../redact-uri.js';

const log = createDebug('tradegraph:store:neo4j');

/** The driver's transaction configuration (its type is not exported by `neo4j-driver` itself). */
type TransactionConfig = NonNullable<Parameters<Session['beginTransaction']>[0]>;

export interface Neo4jStoreOptions {
  /** Bolt or Neo4j URI, e.g. `bolt://localhost:7687` or `neo4j+s://…`. */
  readonly uri: string;
  readonly user: string;
  readonly password: string;
  /** Database name; the server's default database when omitted. */
  readonly database?: string;
  readonly catalog?: CypherCatalog;
  /** Milliseconds after which the server terminates a read transaction. */
  readonly queryTimeoutMs?: number;
  /** Milliseconds after which the server terminates a write transaction (default: `queryTimeoutMs`). */
  readonly writeTimeoutMs?: number;
  /** Rows per call of a batch statement. */
  readonly batchSize?: number;
  /** Milliseconds the driver waits to establish a connection (driver default: 30 s). */
  readonly connectionTimeoutMs?: number;
  /**
   * Milliseconds a read keeps retrying transient failures (a leader switch, a dropped connection)
   * before it fails; default 3 s. The driver's own default, 30 s, would hold every request that
   * long while the server is down, instead of answering SERVICE_UNAVAILABLE.
   */
  readonly maxRetryTimeMs?: number;
}

/** Default of `maxRetryTimeMs`. */
const MAX_RETRY_TIME_MS = 3_000;

/**
 * Top-level parameters sent as Neo4j integers. The driver sends every JavaScript number as a
 * FLOAT, and `LIMIT`/`SKIP` (and other clauses that count) refuse a float even when it is whole.
 * Converting every whole number would store whole-valued data fields (a statistic's `value`) as
 * INTEGER in some rows and FLOAT in others, so only these counting parameters are converted.
 */
const INTEGER_PARAMS: ReadonlySet<string> = new Set(['limit', 'skip', 'maxLength', 'first', 'offset']);

export function toNeo4jParams(params: Params): Record<string, unknown> {
  const converted: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(params)) {
    converted[key] =
      INTEGER_PARAMS.has(key) && typeof value === 'number' && Number.isInteger(value)
        ? neo4j.int(value)
        : value;
  }
  return converted;
}

function messageOf(error: unknown, password: string): string {
  const message = error instanceof Error ? error.message : String(error);
  return password.length > 0 ? message.split(password).join('***') : message;
}

/** The Neo4j status code of a driver or server error (`Neo.ClientError.…`, `ServiceUnavailable`). */
function codeOf(error: unknown): string {
  const code: unknown =
    typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : '';
}

function isUnavailable(error: unknown): boolean {
  const code = codeOf(error);
  return code === neo4j.error.SERVICE_UNAVAILABLE || code === neo4j.error.SESSION_EXPIRED;
}

/** `TransactionTimedOut` (server setting) and `TransactionTimedOutClientConfiguration` (our `timeout`). */
function isTimeout(error: unknown): boolean {
  return codeOf(error).startsWith('Neo.ClientError.Transaction.TransactionTimedOut');
}

/**
 * Neo4j Server, through the official driver. The only class that touches the driver: it owns
 * the connection pool, sessions, transactions, timeouts and error mapping.
 */
export class Neo4jStore implements GraphStore {
  readonly engine = 'neo4j' as const;
  /** None: Neo4j's bulk loader (LOAD CSV) reads files on the server, not where this process writes them. */
  readonly bulkDirectory: string | undefined = undefined;
  private closed = false;
  private readonly txConfig: TransactionConfig;
  private readonly writeTxConfig: TransactionConfig;

  private constructor(
    private readonly driver: Driver,
    private readonly catalog: CypherCatalog,
    private readonly database: string | undefined,
    private readonly batchSize: number,
    private readonly password: string,
    readonly uri: string,
    queryTimeoutMs: number | undefined,
    writeTimeoutMs: number | undefined,
  ) {
    this.txConfig = queryTimeoutMs === undefined ? {} : { timeout: queryTimeoutMs };
    const writeTimeout = writeTimeoutMs ?? queryTimeoutMs;
    this.writeTxConfig = writeTimeout === undefined ? {} : { timeout: writeTimeout };
  }

  static async open(options: Neo4jStoreOptions): Promise<Neo4jStore> {
    const catalog = options.catalog ?? CypherCatalog.load('neo4j');
    const uri = redactUri(options.uri);
    const batchSize = options.batchSize ?? 2000;
    if (!Number.isInteger(batchSize) || batchSize < 1) {
      throw new Error(`batchSize must be a positive integer, not ${batchSize}`);
    }
    let driver: Driver;
    try {
      driver = neo4j.driver(options.uri, neo4j.auth.basic(options.user, options.password), {
        ...(options.connectionTimeoutMs === undefined
          ? {}
          : { connectionTimeout: options.connectionTimeoutMs }),
        // A request waits for a pooled connection no longer than a statement may run.
        ...(options.queryTimeoutMs === undefined
          ? {}
          : { connectionAcquisitionTimeout: options.queryTimeoutMs }),
        maxTransactionRetryTime: options.maxRetryTimeMs ?? MAX_RETRY_TIME_MS,
        userAgent: 'tradegraph',
      });
    } catch (error) {
      throw new StoreUnavailableError(
        `cannot create a Neo4j driver for ${uri}: ${messageOf(error, options.password)}`,
        { cause: error },
      );
    }
    const store = new Neo4jStore(
      driver,
      catalog,
      options.database,
      batchSize,
      options.password,
      uri,
      options.queryTimeoutMs,
      options.writeTimeoutMs,
    );
    try {
      await driver.verifyConnectivity(options.database === undefined ? {} : { database: options.database });
    } catch (error) {
      await driver.close().catch(() => undefined);
      throw new StoreUnavailableError(
        `cannot reach Neo4j at ${uri} as user "${options.user}": ${messageOf(error, options.password)}`,
        { cause: error },
      );
    }
    try {
      await store.applySchema();
    } catch (error) {
      await driver.close().catch(() => undefined);
      throw error;
    }
    log('opened %s%s', uri, options.database ? ` (database ${options.database})` : '');
    return store;
  }

  async read<P extends Params, R extends Row>(statement: Statement<P, R>, params: P): Promise<R[]> {
    this.assertOpen();
    const text = this.catalog.text(statement.name);
    const session = this.session('read');
    try {
      log('read %s', statement.name);
      const rows = await session.executeRead(async (tx: ManagedTransaction) => {
        const result = await tx.run(text, toNeo4jParams(params));
        return result.records.map(mapNeo4jRecord);
      }, this.txConfig);
      return rows as R[];
    } catch (error) {
      throw this.toStoreError(statement.name, error);
    } finally {
      await session.close();
    }
  }

  /** The RETURN columns of a read statement's result, as the server names them (for the catalog's tests). */
  async columnsOf<P extends Params>(statement: Statement<P>, params: P): Promise<string[]> {
    this.assertOpen();
    const session = this.session('read');
    try {
      return await session.executeRead(async (tx: ManagedTransaction) => {
        const result = tx.run(this.catalog.text(statement.name), toNeo4jParams(params));
        const keys = await result.keys();
        await result.summary();
        return keys.map(String);
      }, this.txConfig);
    } catch (error) {
      throw this.toStoreError(statement.name, error);
    } finally {
      await session.close();
    }
  }

  async transaction<T>(work: (tx: WriteTransaction) => Promise<T>): Promise<T> {
    this.assertOpen();
    const session = this.session('write');
    try {
      let tx: Transaction;
      try {
        tx = await session.beginTransaction(this.writeTxConfig);
      } catch (error) {
        throw this.toStoreError('BEGIN', error);
      }
      const write = this.writeTransaction(tx);
      let result: T;
      try {
        result = await work(write);
      } catch (error) {
        try {
          await tx.rollback();
          log('rolled back: %s', error instanceof Error ? error.message : String(error));
        } catch (rollbackError) {
          log('rollback failed: %O', rollbackError);
        }
        throw error;
      }
      try {
        await tx.commit();
      } catch (error) {
        throw this.toStoreError('COMMIT', error);
      }
      return result;
    } finally {
      await session.close();
    }
  }

  async health(): Promise<StoreHealth> {
    if (this.closed) return { engine: this.engine, ok: false, detail: 'closed' };
    const where = `${this.uri}${this.database ? ` (database ${this.database})` : ''}`;
    const session = this.session('read');
    try {
      // An auto-commit ping: unlike executeRead, it does not retry for half a minute when the server is down.
      const { summary } = await session.run('RETURN 1 AS ok', {}, this.txConfig);
      const server = summary.server;
      return { engine: this.engine, ok: true, detail: `${server.agent ?? 'Neo4j'} at ${where}` };
    } catch (error) {
      return {
        engine: this.engine,
        ok: false,
        detail: `Neo4j at ${where}: ${messageOf(error, this.password)}`,
      };
    } finally {
      await session.close();
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.driver.close();
    log('closed %s', this.uri);
  }

  /** Runs the DDL of `cypher/schema/neo4j.cypher`, one statement per transaction (schema and data never mix). */
  private async applySchema(): Promise<void> {
    const session = this.session('write');
    try {
      for (const [index, text] of this.catalog.schema.entries()) {
        try {
          await session.executeWrite(
            (tx: ManagedTransaction) => tx.run(text).then(() => undefined),
            this.txConfig,
          );
        } catch (error) {
          throw this.toStoreError(`schema statement ${index + 1}`, error);
        }
      }
      log('applied %d schema statements', this.catalog.schema.length);
    } finally {
      await session.close();
    }
  }

  private writeTransaction(tx: Transaction): WriteTransaction {
    const catalog = this.catalog;
    const batchSize = this.batchSize;
    const toStoreError = (name: string, error: unknown): StoreError => this.toStoreError(name, error);
    const write: WriteTransaction = {
      async run<P extends Params, R extends Row>(statement: Statement<P, R>, params: P): Promise<R[]> {
        try {
          log('write %s', statement.name);
          const result = await tx.run(catalog.text(statement.name), toNeo4jParams(params));
          return result.records.map(mapNeo4jRecord) as R[];
        } catch (error) {
          throw toStoreError(statement.name, error);
        }
      },
      async runBatch<Item extends { readonly [key: string]: ParamValue }>(
        statement: Statement<{ rows: Item[] }>,
        rows: readonly Item[],
      ): Promise<void> {
        for (let start = 0; start < rows.length; start += batchSize) {
          await write.run(statement, { rows: rows.slice(start, start + batchSize) });
        }
      },
    };
    return write;
  }

  private session(access: 'read' | 'write'): Session {
    return this.driver.session({
      defaultAccessMode: access === 'read' ? neo4j.session.READ : neo4j.session.WRITE,
      ...(this.database === undefined ? {} : { database: this.database }),
    });
  }

  private toStoreError(name: string, error: unknown): StoreError {
    if (error instanceof StoreError) return error;
    const message = messageOf(error, this.password);
    if (isUnavailable(error)) {
      return new StoreUnavailableError(`Neo4j at ${this.uri} is unavailable (${message})`, { cause: error });
    }
    if (isTimeout(error)) {
      return new StoreTimeoutError(`statement "${name}" ran past the query timeout`, { cause: error });
    }
    return new StoreQueryError(name, message, { cause: error });
  }

  private assertOpen(): void {
    if (this.closed) throw new StoreUnavailableError('the neo4j store is closed');
  }
}
