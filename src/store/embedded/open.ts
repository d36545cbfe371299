import { copyFileSync } from 'node:fs';
import { StoreUnavailableError } from '../errors.js';
import { connect, messageOf, openDatabase, type Handles, type Settings } from './connection.js';
import { sizeOf } from './files.js';

/** What opening a database had to recover from, if anything. */
export interface OpenRecovery {
  /** Files of writes that never finished, removed from the store's work directory. */
  readonly removed: readonly string[];
  /** Where the write-ahead log that could not be replayed was kept, when there was one. */
  readonly keptLog: string | null;
}

/** How the engine words a write-ahead log it cannot replay (torn by a kill, or written wrong). */
const UNREPLAYABLE_LOG = /wal|checksum|corrupt/i;

/**
 * The setting that makes relative file names in statements resolve in `directory`. A setting, not
 * a query: the engine takes no parameter here, so the path (one this store chose) is checked to
 * be plain before it is written into the text.
 */
function fileSearchPath(directory: string): string {
  if (!/^[\w./-]+$/.test(directory)) {
    throw new StoreUnavailableError(
      `the bulk directory "${directory}" may only hold letters, digits and . _ / -`,
    );
  }
  return `CALL file_search_path='${directory}'`;
}

/**
 * Opens a database file with its connections. The engine replays the file's write-ahead log; if
 * the log cannot be replayed, it ends in the one write that was being committed when a process
 * died (every transaction of this store checkpoints before it is acknowledged, so the log never
 * holds an acknowledged write; see `runTransaction`). The log is then kept beside the database as
 * `<database>.wal.unreplayable-<time>` and the database opened without its unreplayable tail:
 * as it was before that write. Anything else that stops the open (a lock held by another process)
 * is a StoreUnavailableError.
 */
export async function openHandles(
  file: string,
  settings: Settings,
  bulkDirectory: string | undefined,
  /** Whether to run the schema statements: not for a copy of, or the switch to, a database this store opened. */
  schema = true,
): Promise<{ handles: Handles; keptLog: string | null }> {
  const { database, keptLog } = await openRecovering(file, settings);
  // The schema statements and the checkpoint are the store's own start-up work, not a client's
  // statement: they run without the statement timeout, which is set once they are done.
  const writer = await connect(database, undefined);
  if (schema) {
    for (const statement of settings.catalog.schema) await writer.query(statement);
    // Nothing waits in the log once the store is open (see `runTransaction`).
    await writer.query('CHECKPOINT');
  }
  const writeTimeoutMs = settings.writeTimeoutMs ?? settings.queryTimeoutMs;
  if (writeTimeoutMs) writer.setTimeout(writeTimeoutMs);
  // Bulk statements name their staged files relatively (COPY … FROM 'copy-statistics.csv'); only
  // a bulk write's writer resolves such names, in the store's bulk directory.
  if (bulkDirectory) await writer.query(fileSearchPath(bulkDirectory));
  const readers = await Promise.all(
    Array.from({ length: settings.readers }, () => connect(database, settings.queryTimeoutMs)),
  );
  return { handles: { database, writer, readers }, keptLog };
}

/** Opens the database strictly first; on an unreplayable log, keeps the log and opens without it. */
async function openRecovering(
  file: string,
  settings: Settings,
): Promise<{ database: Handles['database']; keptLog: string | null }> {
  const wal = `${file}.wal`;
  try {
    return { database: await openDatabase(file, settings, true), keptLog: null };
  } catch (error) {
    const message = messageOf(error);
    if (/lock/i.test(message)) {
      throw new StoreUnavailableError(`the database at ${file} is in use by another process (${message})`, {
        cause: error,
      });
    }
    // A reader may not set the log aside: it is the writer's to recover, at its next open.
    if (settings.readOnly || !UNREPLAYABLE_LOG.test(message) || sizeOf(wal) === 0) {
      throw new StoreUnavailableError(`cannot open the database at ${file}: ${message}`, { cause: error });
    }
    const keptLog = `${wal}.unreplayable-${new Date().toISOString().replace(/[-:.]/g, '')}`;
    copyFileSync(wal, keptLog);
    let database: Handles['database'];
    try {
      database = await openDatabase(file, settings, false);
    } catch (again) {
      throw new StoreUnavailableError(`cannot open the database at ${file}: ${messageOf(again)}`, {
        cause: again,
      });
    }
    process.emitWarning(
      `the database at ${file} was opened as it was before the write that was being committed when ` +
        `the last process stopped (its write-ahead log could not be replayed: ${message}); that ` +
        `write had not been acknowledged. The log is kept at ${keptLog} and may be deleted.`,
      { code: 'TRADEGRAPH_RECOVERED' },
    );
    return { database, keptLog };
  }
}
