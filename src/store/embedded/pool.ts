import { StoreTimeoutError, type StoreError } from '../errors.js';
import type { PooledConnection } from './connection.js';

/** A read waiting for a free connection. */
interface Waiter {
  grant(connection: PooledConnection): void;
  fail(error: StoreError): void;
}

/** A FIFO lock: one holder at a time, in arrival order. */
export class Mutex {
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
 * The read connections of a store: a read takes an idle one or waits its turn (FIFO), for at
 * most `acquireTimeoutMs` (0: as long as it takes). While paused (the database is being
 * switched), every read waits; `idle()` resolves once no read holds a connection.
 */
export class ReaderPool {
  private available: PooledConnection[];
  private readonly waiting: Waiter[] = [];
  private paused = false;
  /** Resolves once every reader is back in the pool. */
  private drained: (() => void) | null = null;
  readonly size: number;

  constructor(
    readers: readonly PooledConnection[],
    private readonly acquireTimeoutMs: number,
  ) {
    this.available = [...readers];
    this.size = readers.length;
  }

  acquire(): Promise<PooledConnection> {
    const connection = this.paused ? undefined : this.available.pop();
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
              `every one of the ${this.size} read connections stayed busy for ${this.acquireTimeoutMs} ms`,
            ),
          );
        }, this.acquireTimeoutMs);
      }
      this.waiting.push(waiter);
    });
  }

  release(connection: PooledConnection): void {
    if (!this.paused) {
      const next = this.waiting.shift();
      if (next) {
        next.grant(connection);
        return;
      }
    }
    this.available.push(connection);
    if (this.drained && this.available.length === this.size) {
      const drained = this.drained;
      this.drained = null;
      drained();
    }
  }

  /** Whether a read asking now would wait: every connection is taken, or reads are paused. */
  busy(): boolean {
    return this.paused || this.available.length === 0;
  }

  /** Resolves once no read holds a connection. */
  idle(): Promise<void> {
    if (this.available.length === this.size) return Promise.resolve();
    return new Promise<void>((resolve) => (this.drained = resolve));
  }

  /** From now on reads wait, even for an idle connection. */
  pause(): void {
    this.paused = true;
  }

  /** Reads go on, on `readers` (the connections of the database reopened). */
  resume(readers: readonly PooledConnection[]): void {
    this.available = [...readers];
    this.paused = false;
    while (this.waiting.length > 0 && this.available.length > 0) {
      (this.waiting.shift() as Waiter).grant(this.available.pop() as PooledConnection);
    }
  }

  /** Refuses every read waiting, with `error`. */
  failWaiting(error: StoreError): void {
    for (const waiter of this.waiting.splice(0)) waiter.fail(error);
  }
}
