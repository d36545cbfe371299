import { rmSync } from 'node:fs';
import createDebug from 'debug';
import { StoreError, WriteAbortedError } from '../errors.js';
import type { WriteTransaction } from '../graph-store.js';
import { closeHandles, type Handles, type PooledConnection, type Settings } from './connection.js';
import { copyDatabase, engineFilesOf, fsyncPath, replaceFile, sizeOf, type DatabaseFiles } from './files.js';
import { openHandles } from './open.js';
import { runTransaction } from './transaction.js';

const log = createDebug('tradegraph:store:embedded');

export interface BulkWrite<T> {
  readonly files: DatabaseFiles;
  readonly settings: Settings;
  readonly batchSize: number;
  /** The writer of the database in use, to checkpoint it before it is copied. */
  readonly writer: PooledConnection;
  readonly work: (tx: WriteTransaction) => Promise<T>;
  readonly signal: AbortSignal | undefined;
  /** Puts the finished copy (`files.building`) in place of the database: see `putInPlace`. */
  readonly switchTo: (building: string) => Promise<void>;
}

/**
 * A bulk write: the database is checkpointed and copied to `files.building`, the work is run and
 * committed in the copy (its bulk loader reads `files.bulk`), the copy is checkpointed, closed,
 * checked to be one whole file and fsynced, then switched in. Until the switch the database in
 * use is untouched; whatever fails before it, the copy is removed and nothing was applied.
 */
export async function buildAndSwitch<T>(bulk: BulkWrite<T>): Promise<T> {
  const { files, signal } = bulk;
  const started = Date.now();
  // Every transaction checkpoints, so the database file alone holds every committed write.
  await bulk.writer.query('CHECKPOINT');
  copyDatabase(files.database, files.building);
  log('bulk write: copied %s in %d ms', files.database, Date.now() - started);
  let building: Handles | null = null;
  try {
    building = (await openHandles(files.building, { ...bulk.settings, readers: 0 }, files.bulk, false))
      .handles;
    const result = await runTransaction(building.writer, bulk.work, {
      catalog: bulk.settings.catalog,
      batchSize: bulk.batchSize,
      bulkDirectory: files.bulk,
      signal,
    });
    await closeHandles(building);
    building = null;
    // Closed after its checkpoint, the copy is whole in its one file.
    for (const file of engineFilesOf(files.building)) {
      if (sizeOf(file) > 0) {
        throw new StoreError(
          `the copy being built still has ${file} after its checkpoint; nothing was changed`,
        );
      }
      rmSync(file, { force: true });
    }
    fsyncPath(files.building);
    // The point of no return: once the switch starts, the write completes.
    if (signal?.aborted)
      throw new WriteAbortedError('the bulk write was called off before its switch; nothing was applied');
    await bulk.switchTo(files.building);
    log('bulk write: switched in after %d ms', Date.now() - started);
    return result;
  } catch (error) {
    if (building) await closeHandles(building).catch((closeError: unknown) => log('close: %O', closeError));
    for (const file of [files.building, ...engineFilesOf(files.building)]) rmSync(file, { force: true });
    throw error;
  }
}

/**
 * Renames `building` over the database, once the database is closed. If anything of the old
 * database is still in its engine files after it closed, the switch is called off (the rename
 * would put that log in front of the new file).
 */
export function putInPlace(files: DatabaseFiles, building: string): void {
  const left = engineFilesOf(files.database).filter((file) => sizeOf(file) > 0);
  if (left.length > 0) {
    throw new StoreError(
      `${left.join(', ')} outlived closing the database; the bulk write was not switched in`,
    );
  }
  for (const file of engineFilesOf(files.database)) rmSync(file, { force: true });
  replaceFile(building, files.database);
}
