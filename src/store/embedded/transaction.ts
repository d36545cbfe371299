import createDebug from 'debug';
import type { CypherCatalog } from '../cypher-catalog.js';
import { StoreQueryError, WriteAbortedError } from '../errors.js';
import type { WriteTransaction } from '../graph-store.js';
import { isBulkOnly, type Statement } from '../statements.js';
import type { Params, ParamValue, Row } from '../values.js';
import { homogeneousBatches } from './batches.js';
import { toStoreError, type PooledConnection } from './connection.js';

const log = createDebug('tradegraph:store:embedded');

export interface TransactionSettings {
  readonly catalog: CypherCatalog;
  /** Rows per call of a batch statement. */
  readonly batchSize: number;
  /** Where a bulk write's staged files are; undefined in place, where bulk statements are refused. */
  readonly bulkDirectory: string | undefined;
  /** Calls the write off if aborted before its commit. */
  readonly signal: AbortSignal | undefined;
}

function stopIfCalledOff(signal: AbortSignal | undefined): void {
  if (signal?.aborted)
    throw new WriteAbortedError('the write was called off before its commit; nothing was applied');
}

/**
 * Runs `work` in one transaction on `writer`: commit, then checkpoint, before it resolves, so
 * the log never holds a write that was acknowledged (src/store/embedded/README.md).
 */
export async function runTransaction<T>(
  writer: PooledConnection,
  work: (tx: WriteTransaction) => Promise<T>,
  { catalog, batchSize, bulkDirectory, signal }: TransactionSettings,
): Promise<T> {
  const tx: WriteTransaction = {
    bulkDirectory,
    // Only a bulk write runs in a copy that is switched in whole; in place, a commit is final.
    ...(bulkDirectory === undefined
      ? {}
      : {
          commitPart: async (): Promise<void> => {
            stopIfCalledOff(signal);
            try {
              await writer.query('COMMIT');
            } catch (error) {
              throw toStoreError('commit', error);
            }
            await writer.query('BEGIN TRANSACTION');
          },
        }),
    async run<P extends Params, R extends Row>(statement: Statement<P, R>, params: P): Promise<R[]> {
      // Bulk loads read staged files, and table changes are made only in a bulk write's copy.
      if (isBulkOnly(statement) && bulkDirectory === undefined) {
        throw new StoreQueryError(
          statement.name,
          'a bulk statement runs only in a bulk write (transaction(work, { bulk: true }))',
        );
      }
      try {
        log('write %s', statement.name);
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
  await writer.query('BEGIN TRANSACTION');
  let result: T;
  try {
    result = await work(tx);
    stopIfCalledOff(signal);
  } catch (error) {
    // A failed statement may already have ended the transaction inside the engine.
    await writer.query('ROLLBACK').catch((rollbackError: unknown) => log('rollback: %O', rollbackError));
    throw error;
  }
  try {
    await writer.query('COMMIT');
  } catch (error) {
    await writer.query('ROLLBACK').catch(() => undefined);
    throw toStoreError('commit', error);
  }
  try {
    await writer.query('CHECKPOINT');
  } catch (error) {
    throw toStoreError('checkpoint', error);
  }
  return result;
}
