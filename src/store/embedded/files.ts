import {
  closeSync,
  copyFileSync,
  constants,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import path from 'node:path';

/**
 * The files of one embedded database and of the store around it. The engine keeps a database in
 * one file (`tradegraph.db`) with its write-ahead log (`.wal`) and, while it checkpoints, a
 * shadow file (`.shadow`) and a rotated log (`.wal.checkpoint`) beside it. The store keeps its own
 * temporary files in `<database>.work/`, which it empties each time it opens the database:
 *
 * - `bulk/`: files staged for the engine's bulk loader;
 * - `scratch/`: uploads and spooled write plans of imports;
 * - `building.db` (and its engine files): the copy a bulk write is built in (see `bulk-write.ts`).
 */
export interface DatabaseFiles {
  readonly database: string;
  readonly wal: string;
  /** The engine's files besides the database itself. */
  readonly engineFiles: readonly string[];
  readonly work: string;
  readonly bulk: string;
  readonly scratch: string;
  readonly building: string;
}

/** The engine's files that belong to a database file (write-ahead log, shadow pages, locks). */
export function engineFilesOf(database: string): string[] {
  return ['.wal', '.wal.checkpoint', '.shadow'].map((suffix) => `${database}${suffix}`);
}

export function databaseFiles(database: string): DatabaseFiles {
  // Not `<database>.tmp`: the engine spills to that name and removes it when it closes.
  const work = `${database}.work`;
  return {
    database,
    wal: `${database}.wal`,
    engineFiles: engineFilesOf(database),
    work,
    bulk: path.join(work, 'bulk'),
    scratch: path.join(work, 'scratch'),
    building: path.join(work, 'building.db'),
  };
}

/** Bytes in a file; 0 when it does not exist. */
export function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

/** Flushes a file (or a directory's entries) to the disk. */
export function fsyncPath(file: string): void {
  const fd = openSync(file, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Empties the store's work directory: whatever an earlier process left there (a half-built copy,
 * staged files, uploads) belongs to a write that never finished. Called only once the database is
 * open, so the engine's lock says no other process uses them. Returns what was removed.
 */
export function resetWorkDirectory(files: DatabaseFiles): string[] {
  const left: string[] = [];
  if (existsSync(files.work)) {
    for (const name of listNames(files.work)) left.push(path.join(files.work, name));
    rmSync(files.work, { recursive: true, force: true });
  }
  for (const directory of [files.bulk, files.scratch]) mkdirSync(directory, { recursive: true });
  return left;
}

function listNames(directory: string): string[] {
  try {
    return readdirSync(directory);
  } catch {
    return [];
  }
}

/** Copies a database file, sharing its blocks when the file system can (reflink), else byte by byte. */
export function copyDatabase(from: string, to: string): void {
  for (const file of [to, ...engineFilesOf(to)]) rmSync(file, { force: true });
  copyFileSync(from, to, constants.COPYFILE_FICLONE);
}

/** Renames `from` over `to` (atomic on one file system) and makes the rename durable. */
export function replaceFile(from: string, to: string): void {
  renameSync(from, to);
  fsyncPath(path.dirname(to));
}
