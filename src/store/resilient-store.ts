import createDebug from 'debug';
import type { Dialect } from './cypher-catalog.js';
import { StoreTimeoutError, StoreUnavailableError } from './errors.js';
import type { GraphStore, StoreHealth, TransactionOptions, WriteTransaction } from './graph-store.js';
import type { Statement } from './statements.js';
import type { Params, Row } from './values.js';

const log = createDebug('tradegraph:store:resilient');

export interface ResilientStoreOptions {
  readonly engine: Dialect;
  /** Names the store in health reports and logs, e.g. `Neo4j at bolt://db:7687` (no credentials). */
  readonly target: string;
  /** Opens the underlying store; called again after each failure until it succeeds. */
  readonly open: () => Promise<GraphStore>;
  /** Runs once on each newly opened store before it serves (e.g. loading the dataset into an empty one). */
  readonly prepare?: (store: GraphStore) => Promise<void>;
  /** Delay before the first retry, doubled after each failure up to `maxRetryDelayMs`. Default 500 ms. */
  readonly retryDelayMs?: number;
  /** Longest delay between retries. Default 30 s. */
  readonly maxRetryDelayMs?: number;
  /**
   * Longest a read may take, whatever the engine does (a connection that hangs without closing is
   * never noticed by the driver). Past it the read fails with StoreTimeoutError and the store is
   * pinged. Default: no deadline of our own.
   */
  readonly readDeadlineMs?: number;
  /** Longest a health ping may take before the store counts as down. Default 5 s. */
  readonly healthTimeoutMs?: number;
}

type State =
  | { readonly kind: 'connecting'; readonly attempts: number; readonly error: string | null }
  | { readonly kind: 'up'; readonly store: GraphStore }
  | { readonly kind: 'down'; readonly store: GraphStore; readonly since: Date; readonly error: string }
  | { readonly kind: 'closed' };

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Settles with `work`, or rejects with `onTimeout()` after `ms` milliseconds, whichever comes first. */
function withDeadline<T>(work: Promise<T>, ms: number | undefined, onTimeout: () => Error): Promise<T> {
  if (ms === undefined) return work;
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(onTimeout()), ms);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

/**
 * A store that stays usable while its server is not: it opens the underlying store in the
 * background, retrying with backoff until it succeeds; while the store is unreachable (at start or
 * later) every call fails at once with StoreUnavailableError instead of waiting on the driver, and
 * a background ping brings it back into service as soon as the server answers again. `health()`
 * says which of these states it is in.
 *
 * It wraps the Neo4j store in the server; the embedded store has no server to lose and fails at
 * start instead (a database locked by another process must stop the process, not be waited for).
 */
export class ResilientStore implements GraphStore {
  readonly engine: Dialect;
  private state: State = { kind: 'connecting', attempts: 0, error: null };
  private timer: NodeJS.Timeout | undefined;
  private delayMs: number;
  private probing = false;
  private readonly readyWaiters: (() => void)[] = [];

  private constructor(private readonly options: ResilientStoreOptions) {
    this.engine = options.engine;
    this.delayMs = options.retryDelayMs ?? 500;
  }

  /** Starts opening the store in the background and returns at once. */
  static start(options: ResilientStoreOptions): ResilientStore {
    const store = new ResilientStore(options);
    void store.connect();
    return store;
  }

  /** `connecting`, `up`, `down` or `closed`. */
  get status(): State['kind'] {
    return this.state.kind;
  }

  /** Resolves once the store is (back) in service; stays pending while it is not. */
  ready(): Promise<void> {
    if (this.state.kind === 'up') return Promise.resolve();
    return new Promise((resolve) => this.readyWaiters.push(resolve));
  }

  async read<P extends Params, R extends Row>(statement: Statement<P, R>, params: P): Promise<R[]> {
    const store = this.serving();
    try {
      return await withDeadline(
        store.read(statement, params),
        this.options.readDeadlineMs,
        () =>
          new StoreTimeoutError(
            `statement "${statement.name}" got no answer from ${this.options.target} within ${this.options.readDeadlineMs} ms`,
          ),
      );
    } catch (error) {
      this.noticeFailure(store, error);
      throw error;
    }
  }

  async transaction<T>(work: (tx: WriteTransaction) => Promise<T>, options?: TransactionOptions): Promise<T> {
    const store = this.serving();
    try {
      return await store.transaction(work, options);
    } catch (error) {
      this.noticeFailure(store, error);
      throw error;
    }
  }

  async health(): Promise<StoreHealth> {
    const state = this.state;
    const { target } = this.options;
    switch (state.kind) {
      case 'closed':
        return { engine: this.engine, ok: false, detail: `${target}: closed` };
      case 'connecting':
        return {
          engine: this.engine,
          ok: false,
          detail:
            state.attempts === 0
              ? `${target}: connecting`
              : `${target}: not connected after ${state.attempts} attempt(s), retrying (${state.error ?? 'no answer'})`,
        };
      case 'down':
        return {
          engine: this.engine,
          ok: false,
          detail: `${target}: unavailable since ${state.since.toISOString()}, retrying (${state.error})`,
        };
      case 'up': {
        const health = await this.ping(state.store);
        if (!health.ok) this.markDown(state.store, health.detail);
        return health;
      }
    }
  }

  async close(): Promise<void> {
    const state = this.state;
    this.state = { kind: 'closed' };
    clearTimeout(this.timer);
    if (state.kind === 'up' || state.kind === 'down') await state.store.close();
  }

  /** The store to run a call on, or StoreUnavailableError at once when there is none in service. */
  private serving(): GraphStore {
    const state = this.state;
    if (state.kind === 'up') return state.store;
    const why =
      state.kind === 'closed'
        ? 'the store is closed'
        : state.kind === 'connecting'
          ? `${this.options.target} is not connected yet`
          : `${this.options.target} is unavailable`;
    throw new StoreUnavailableError(why);
  }

  private async connect(): Promise<void> {
    const state = this.state;
    if (state.kind !== 'connecting') return;
    let store: GraphStore | undefined;
    try {
      store = await this.options.open();
      if (this.isClosed()) {
        await store.close();
        return;
      }
      await this.options.prepare?.(store);
    } catch (error) {
      if (store)
        await store.close().catch((closeError: unknown) => log('close after failure: %O', closeError));
      if (this.isClosed()) return;
      const attempts = state.attempts + 1;
      this.state = { kind: 'connecting', attempts, error: messageOf(error) };
      log('cannot open %s (attempt %d): %s', this.options.target, attempts, messageOf(error));
      this.schedule(() => this.connect());
      return;
    }
    if (this.isClosed()) {
      await store.close();
      return;
    }
    this.markUp(store);
  }

  /** Whether `close()` was called (a method, so the check is made afresh after each await). */
  private isClosed(): boolean {
    return this.state.kind === 'closed';
  }

  private ping(store: GraphStore): Promise<StoreHealth> {
    const timeoutMs = this.options.healthTimeoutMs ?? 5_000;
    return withDeadline(
      store.health(),
      timeoutMs,
      () => new StoreTimeoutError(`no answer within ${timeoutMs} ms`),
    ).catch((error: unknown) => ({ engine: this.engine, ok: false, detail: messageOf(error) }));
  }

  /** A failed call that says the server is gone (or silent) takes the store out of service until it answers. */
  private noticeFailure(store: GraphStore, error: unknown): void {
    if (error instanceof StoreUnavailableError) this.markDown(store, messageOf(error));
    else if (error instanceof StoreTimeoutError) void this.probe();
  }

  private markDown(store: GraphStore, error: string): void {
    const state = this.state;
    if (state.kind !== 'up' || state.store !== store) return;
    this.state = { kind: 'down', store, since: new Date(), error };
    log('%s is unavailable: %s', this.options.target, error);
    this.delayMs = this.options.retryDelayMs ?? 500;
    this.schedule(() => this.probe());
  }

  private markUp(store: GraphStore): void {
    this.state = { kind: 'up', store };
    this.delayMs = this.options.retryDelayMs ?? 500;
    log('%s is in service', this.options.target);
    for (const resolve of this.readyWaiters.splice(0)) resolve();
  }

  /** Pings the store: back in service when it answers, otherwise out of it and pinged again later. */
  private async probe(): Promise<void> {
    if (this.probing) return;
    const state = this.state;
    if (state.kind !== 'up' && state.kind !== 'down') return;
    this.probing = true;
    try {
      const health = await this.ping(state.store);
      // Judge by the state now: it may have changed while the ping was out (a probe asked for
      // meanwhile was skipped, so this one decides what happens next).
      const current = this.state;
      if ((current.kind !== 'up' && current.kind !== 'down') || current.store !== state.store) return;
      if (health.ok) {
        if (current.kind === 'down') this.markUp(current.store);
      } else if (current.kind === 'up') {
        this.markDown(current.store, health.detail);
      } else {
        this.state = { ...current, error: health.detail };
        this.schedule(() => this.probe());
      }
    } finally {
      this.probing = false;
    }
  }

  private schedule(next: () => Promise<void>): void {
    clearTimeout(this.timer);
    const delay = this.delayMs;
    this.delayMs = Math.min(delay * 2, this.options.maxRetryDelayMs ?? 30_000);
    this.timer = setTimeout(() => void next(), delay);
    this.timer.unref();
  }
}
