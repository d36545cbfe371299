import createDebug from 'debug';
import { Connection, Database, type PreparedStatement, type QueryResult } from '@ladybugdb/core';
import type { CypherCatalog } from '../cypher-catalog.js';
import { StoreError, StoreQueryError, StoreTimeoutError } from '../errors.js';
import type { Params, Row } from '../values.js';
import { mapEmbeddedRow } from './values.js';

/**
 * The engine's objects as this store uses them: a database file opened with the store's settings,
 * connections that prepare each statement once, and the mapping of the engine's errors. The only
 * module that imports the driver; the rest of the code reaches it through `EmbeddedStore`.
 */

const log = createDebug('tradegraph:store:embedded');

/** How a store opens its databases. */
export interface Settings {
  readonly catalog: CypherCatalog;
  readonly bufferPoolBytes: number;
  readonly maxDatabaseBytes: number;
  readonly readers: number;
  readonly queryTimeoutMs: number | undefined;
  readonly writeTimeoutMs: number | undefined;
  /** Opened read-only: the engine refuses writes, and several processes may read the file at once. */
  readonly readOnly: boolean;
}

/** A connection with its prepared statements, so each text is parsed and planned once per connection. */
export class PooledConnection {
  private readonly prepared = new Map<string, PreparedStatement>();
  constructor(private readonly connection: Connection) {}

  async execute(catalog: CypherCatalog, name: string, params: Params): Promise<Row[]> {
    return collectRows(await this.run(catalog, name, params));
  }

  /** The columns a statement's result has, as the engine names them (whether or not it has rows). */
  async columns(catalog: CypherCatalog, name: string, params: Params): Promise<string[]> {
    const results = [await this.run(catalog, name, params)].flat();
    try {
      return (await results[results.length - 1]?.getColumnNames()) ?? [];
    } finally {
      for (const each of results) each.close();
    }
  }

  private async run(
    catalog: CypherCatalog,
    name: string,
    params: Params,
  ): Promise<QueryResult | QueryResult[]> {
    let statement = this.prepared.get(name);
    if (!statement) {
      statement = await this.connection.prepare(catalog.text(name));
      if (!statement.isSuccess()) throw new StoreQueryError(name, statement.getErrorMessage());
      this.prepared.set(name, statement);
    }
    return this.connection.execute(statement, params as Record<string, never>);
  }

  async query(text: string): Promise<void> {
    const result = await this.connection.query(text);
    for (const each of Array.isArray(result) ? result : [result]) each.close();
  }

  setTimeout(timeoutMs: number): void {
    this.connection.setQueryTimeout(timeoutMs);
  }

  async close(): Promise<void> {
    this.prepared.clear();
    await this.connection.close();
  }
}

/** An open database with its connections: the writer and the readers. */
export interface Handles {
  readonly database: Database;
  readonly writer: PooledConnection;
  readonly readers: PooledConnection[];
}

/** Rows turned into JavaScript values per turn of the event loop, so a large result does not hold up other requests. */
const ROWS_PER_TURN = 1000;

/**
 * The rows of a finished statement. The engine has the whole result in memory once the statement
 * completes, so rows are read synchronously: the binding's `getAll` sends each row through the
 * thread pool on its own, where it queues behind other requests' statements, for no gain (the
 * values are made on the main thread either way).
 */
async function collectRows(result: QueryResult | QueryResult[]): Promise<Row[]> {
  const results = Array.isArray(result) ? result : [result];
  const rows: Row[] = [];
  for (const each of results) {
    let read = 0;
    while (each.hasNext()) {
      rows.push(mapEmbeddedRow(each.getNextSync() as Record<string, unknown>));
      read += 1;
      if (read % ROWS_PER_TURN === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    each.close();
  }
  return rows;
}

/**
 * Opens the database file. `strictLog`: a write-ahead log the engine cannot replay stops the open
 * (and `openHandles` decides) rather than being skipped in silence.
 */
export async function openDatabase(file: string, settings: Settings, strictLog: boolean): Promise<Database> {
  const database = new Database(
    file,
    settings.bufferPoolBytes,
    true,
    settings.readOnly,
    settings.maxDatabaseBytes,
    true,
    -1,
    strictLog,
  );
  await database.init();
  return database;
}

export async function connect(database: Database, timeoutMs: number | undefined): Promise<PooledConnection> {
  const connection = new Connection(database);
  await connection.init();
  if (timeoutMs) connection.setQueryTimeout(timeoutMs);
  return new PooledConnection(connection);
}

export async function closeHandles(handles: Handles): Promise<void> {
  for (const connection of [...handles.readers, handles.writer]) {
    await connection.close().catch((error: unknown) => log('closing a connection: %O', error));
  }
  await handles.database.close();
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The store error for what statement `name` threw: a timeout, or a failed query. */
export function toStoreError(name: string, error: unknown): StoreError {
  if (error instanceof StoreError) return error;
  const message = messageOf(error);
  if (/interrupted|timeout/i.test(message)) {
    return new StoreTimeoutError(`statement "${name}" ran past the query timeout`, { cause: error });
  }
  return new StoreQueryError(name, message, { cause: error });
}
