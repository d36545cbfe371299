import createDebug from 'debug';
import type { GraphStore, StoreHealth, TransactionOptions, WriteTransaction } from './graph-store.js';
import type { Statement } from './statements.js';
import type { Params, Row } from './values.js';

const log = createDebug('tradegraph:store:cache');

export interface ReadCacheOptions {
  /** Most answers kept; 0 turns the cache off. */
  readonly maxEntries: number;
  /** Most bytes of answers kept (estimated from their JSON size); an answer above 1/16 of it is never kept. */
  readonly maxBytes: number;
}

export const DEFAULT_READ_CACHE: ReadCacheOptions = { maxEntries: 10_000, maxBytes: 64 * 1024 ** 2 };

export interface ReadCacheStats {
  hits: number;
  misses: number;
  /** Reads that joined an identical read already running instead of running their own. */
  joined: number;
  entries: number;
  bytes: number;
  /** How many times a write emptied the cache. */
  generation: number;
}

interface Entry {
  readonly rows: readonly Row[];
  readonly bytes: number;
}

/**
 * A store that remembers the answers of read statements, keyed by statement and parameters. The
 * graph changes only through `transaction`, so an answer stays right until the next write: every
 * transaction (committed or not) empties the cache and starts a new generation, and a read that
 * overlapped a transaction is not kept. Identical reads running at the same time share one call.
 * Bounded by entries and bytes, least recently used first out.
 *
 * Only sound when this process is the graph's only writer: the embedded engine locks its database
 * to one process; a Neo4j database other clients write to must run without it (see
 * `TRADEGRAPH_READ_CACHE_ENTRIES`). Answers are shared between callers: rows are read-only.
 */
export class CachedStore implements GraphStore {
  readonly engine: GraphStore['engine'];
  private readonly entries = new Map<string, Entry>();
  private readonly running = new Map<string, Promise<Row[]>>();
  private bytes = 0;
  private generation = 0;
  /** Transactions in progress: answers read while one runs are not kept. */
  private writing = 0;
  private readonly counters = { hits: 0, misses: 0, joined: 0 };

  constructor(
    readonly inner: GraphStore,
    private readonly options: ReadCacheOptions = DEFAULT_READ_CACHE,
  ) {
    this.engine = inner.engine;
  }

  get bulkDirectory(): string | undefined {
    return this.inner.bulkDirectory;
  }

  get scratchDirectory(): string | undefined {
    return this.inner.scratchDirectory;
  }

  async read<P extends Params, R extends Row>(statement: Statement<P, R>, params: P): Promise<R[]> {
    const key = `${statement.name}\u0000${JSON.stringify(params)}`;
    const entry = this.entries.get(key);
    if (entry) {
      this.counters.hits += 1;
      // Most recently used last.
      this.entries.delete(key);
      this.entries.set(key, entry);
      return entry.rows.slice() as R[];
    }
    const running = this.running.get(key);
    if (running) {
      this.counters.joined += 1;
      return (await running).slice() as R[];
    }
    this.counters.misses += 1;
    const generation = this.generation;
    const cacheable = this.writing === 0;
    const work = this.inner.read(statement, params) as Promise<Row[]>;
    if (cacheable) this.running.set(key, work);
    try {
      const rows = await work;
      if (cacheable && generation === this.generation && this.writing === 0) this.keep(key, rows);
      return rows.slice() as R[];
    } finally {
      if (this.running.get(key) === work) this.running.delete(key);
    }
  }

  async transaction<T>(work: (tx: WriteTransaction) => Promise<T>, options?: TransactionOptions): Promise<T> {
    this.writing += 1;
    this.invalidate();
    try {
      return await this.inner.transaction(work, options);
    } finally {
      this.writing -= 1;
      this.invalidate();
    }
  }

  health(): Promise<StoreHealth> {
    return this.inner.health();
  }

  async close(): Promise<void> {
    this.invalidate();
    await this.inner.close();
  }

  /** Forgets every answer (a write happened or may have). */
  invalidate(): void {
    this.generation += 1;
    this.entries.clear();
    // Reads already running finish for their callers but are not kept (their generation is old).
    this.running.clear();
    this.bytes = 0;
  }

  /**
   * The write generation that answers read from now on belong to, or undefined while a write runs
   * (nothing read then may be kept). A caller keeping answers of its own (whole responses) keeps
   * one only when this is the same, and defined, before and after computing it.
   */
  keepableGeneration(): number | undefined {
    return this.writing === 0 ? this.generation : undefined;
  }

  stats(): ReadCacheStats {
    return { ...this.counters, entries: this.entries.size, bytes: this.bytes, generation: this.generation };
  }

  private keep(key: string, rows: readonly Row[]): void {
    const bytes = 2 * (key.length + JSON.stringify(rows).length);
    if (bytes > this.options.maxBytes / 16) return;
    this.entries.set(key, { rows, bytes });
    this.bytes += bytes;
    while (this.entries.size > this.options.maxEntries || this.bytes > this.options.maxBytes) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      const evicted = this.entries.get(oldest.value);
      this.entries.delete(oldest.value);
      this.bytes -= evicted?.bytes ?? 0;
    }
  }
}

/** The store with a read cache in front, or the store itself when the cache is off (0 entries or bytes). */
export function withReadCache(store: GraphStore, options: ReadCacheOptions = DEFAULT_READ_CACHE): GraphStore {
  if (options.maxEntries <= 0 || options.maxBytes <= 0) return store;
  log('caching up to %d answers, %d bytes', options.maxEntries, options.maxBytes);
  return new CachedStore(store, options);
}
