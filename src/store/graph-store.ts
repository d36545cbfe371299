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
  run<P extends Params, R extends Row>(statement: Statement<P, R>, params: P): Promise<R[]>;
  /**
   * Runs a statement whose `$rows` parameter is a list of independent rows (it `UNWIND`s them
   * and each row's effect does not depend on the others), in as many calls as the engine needs.
   */
  runBatch<Item extends { readonly [key: string]: ParamValue }>(
    statement: Statement<{ rows: Item[] }>,
    rows: readonly Item[],
  ): Promise<void>;
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
  /** Runs a read statement and returns its rows, mapped to plain values. */
  read<P extends Params, R extends Row>(statement: Statement<P, R>, params: P): Promise<R[]>;
  /** Runs `work` in one write transaction; commits when it resolves, rolls back when it throws. */
  transaction<T>(work: (tx: WriteTransaction) => Promise<T>): Promise<T>;
  health(): Promise<StoreHealth>;
  close(): Promise<void>;
}
