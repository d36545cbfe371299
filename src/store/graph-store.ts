import type { Dialect } from './cypher-catalog.js';
import type { Statement } from './statements.js';
import type { Params, ParamValue, Row } from './values.js';

export interface StoreHealth {
  readonly engine: Dialect;
  readonly ok: boolean;
  readonly detail: string;
}

/** Statements run inside one write transaction: all of them take effect, or none. */
export interface WriteTransaction {
  /**
   * Where the engine's bulk loader reads staged files from in this transaction (see
   * `GraphStore.bulkDirectory`); undefined when bulk statements may not run in it (a write the
   * embedded store makes in place, see `TransactionOptions.bulk`).
   */
  readonly bulkDirectory?: string | undefined;
  run<P extends Params, R extends Row>(statement: Statement<P, R>, params: P): Promise<R[]>;
  /**
   * Runs a statement whose `$rows` parameter is a list of independent rows (it `UNWIND`s them
   * and each row's effect does not depend on the others), in as many calls as the engine needs.
   */
  runBatch<Item extends { readonly [key: string]: ParamValue }>(
    statement: Statement<{ rows: Item[] }>,
    rows: readonly Item[],
  ): Promise<void>;
  /**
   * A bulk write on the embedded store only (undefined elsewhere): commits what the write has done
   * so far in the copy it builds, and goes on in a new transaction there. The write is still one:
   * nothing of it reaches the database in use before the switch, and a failure later discards all
   * of it. For steps the engine refuses in the transaction that wrote the tables they drop.
   */
  readonly commitPart?: () => Promise<void>;
}

export interface TransactionOptions {
  /**
   * A large write that uses the engine's bulk loader (`copy-statistics`, `copy-statistic-*`
   * statements reading files staged in `bulkDirectory`). The embedded store builds it in a copy
   * of the database and switches the copy in when it is complete (see
   * src/store/embedded/README.md); without it, bulk statements are refused.
   */
  readonly bulk?: boolean;
  /**
   * Calls the write off (WriteAbortedError, nothing applied) if aborted before the write becomes
   * durable: checked before the commit (and, for a bulk write, before the switch). Once past that
   * point the write completes.
   */
  readonly signal?: AbortSignal;
}

/** The one port every part of the application uses to reach the graph, whichever engine serves it. */
export interface GraphStore {
  readonly engine: Dialect;
  /**
   * A directory the engine's bulk loader reads files from: bulk statements (`copy-statistics`,
   * `copy-statistic-*`) name files staged there by a fixed relative name. Undefined when the
   * engine cannot read files this process writes (Neo4j reads them on its server).
   */
  readonly bulkDirectory?: string | undefined;
  /**
   * A directory of the store's own for temporary files (uploads, spooled plans), emptied each
   * time the store opens, so nothing a killed process left behind outlives the next start.
   * Undefined when the store has no local folder (Neo4j): callers use the system's.
   */
  readonly scratchDirectory?: string | undefined;
  /** Runs a read statement and returns its rows, mapped to plain values. */
  read<P extends Params, R extends Row>(statement: Statement<P, R>, params: P): Promise<R[]>;
  /**
   * Runs `work` in one write transaction; commits when it resolves, rolls back when it throws.
   * Once it resolves the write is durable; a process killed at any moment before leaves the
   * graph as it was before the transaction, and openable.
   */
  transaction<T>(work: (tx: WriteTransaction) => Promise<T>, options?: TransactionOptions): Promise<T>;
  health(): Promise<StoreHealth>;
  close(): Promise<void>;
}
