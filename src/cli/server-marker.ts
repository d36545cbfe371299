import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { StoreConfig } from '../config.js';
import type { StoreUnavailableError } from '../store/errors.js';

/*
 * The embedded database admits one process at a time. `tradegraph serve` leaves a note beside the
 * database saying which server holds it (pid and URL), so a command that finds the database in use
 * can say so and point to the HTTP way in (POST /import, GET /export, /graphql) instead of only
 * "in use by another process".
 */

export interface ServerMarker {
  readonly pid: number;
  readonly url: string;
  readonly started: string;
  /** Read-only workers serving the database (`tradegraph serve --workers`): they take no imports. */
  readonly workers?: number;
}

/** Where the note for an embedded database lives: beside it, `<database>.server.json`. */
export function markerPath(databaseDirectory: string): string {
  return `${path.resolve(databaseDirectory)}.server.json`;
}

/** Writes the note; returns a function that removes it (only if it is still this process's). */
export function writeServerMarker(databaseDirectory: string, url: string, workers = 1): () => void {
  const file = markerPath(databaseDirectory);
  const marker: ServerMarker = {
    pid: process.pid,
    url,
    started: new Date().toISOString(),
    ...(workers > 1 ? { workers } : {}),
  };
  writeFileSync(file, `${JSON.stringify(marker)}\n`);
  return () => {
    try {
      const written = JSON.parse(readFileSync(file, 'utf8')) as Partial<ServerMarker>;
      if (written.pid === process.pid) rmSync(file, { force: true });
    } catch {
      // Already gone, or replaced by another server's: nothing of ours to remove.
    }
  };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The server holding the database, if a live one left its note. */
export function readServerMarker(databaseDirectory: string): ServerMarker | null {
  let marker: ServerMarker;
  try {
    marker = JSON.parse(readFileSync(markerPath(databaseDirectory), 'utf8')) as ServerMarker;
  } catch {
    return null;
  }
  if (!Number.isInteger(marker.pid) || typeof marker.url !== 'string') return null;
  return marker.pid !== process.pid && alive(marker.pid) ? marker : null;
}

/**
 * The message for a store that would not open: when the embedded database is held by a running
 * server, which one and how to do the same work through it; otherwise the store's own message.
 */
export function explainUnavailable(error: StoreUnavailableError, store: StoreConfig): string {
  if (store.engine !== 'embedded' || !/in use by another process/.test(error.message)) return error.message;
  const server = readServerMarker(store.directory);
  if (server === null) {
    return `${error.message}\nStop the process that holds it (or point TRADEGRAPH_DB_DIR at another database) and try again.`;
  }
  const url = server.url;
  if (server.workers !== undefined) {
    return [
      `The database at ${path.resolve(store.directory)} is held by a running tradegraph server (pid ${server.pid}, ${url})`,
      `with ${server.workers} read-only workers (tradegraph serve --workers ${server.workers}), which take no imports.`,
      `  export:    curl -o graph.jsonl '${url}/export?format=jsonl'`,
      `  questions: ${url}/graphql (playground at ${url}/)`,
      'To write, stop the server (Ctrl-C or SIGTERM) and run the command again, or serve with --workers 1 and import through it.',
    ].join('\n');
  }
  return [
    `The database at ${path.resolve(store.directory)} is held by a running tradegraph server (pid ${server.pid}, ${url}),`,
    'and the embedded database admits one process at a time. Do it through the server instead:',
    `  import:    curl -X POST -H "Authorization: Bearer $KEY" --data-binary @companies.csv '${url}/import?filename=companies.csv&dryRun=true'`,
    `  export:    curl -o graph.jsonl '${url}/export?format=jsonl'   (same options as tradegraph export: root, depth, query, variables; format=csv&kind=companies)`,
    `  questions: ${url}/graphql (playground at ${url}/)`,
    'or stop the server (Ctrl-C or SIGTERM) and run the command again.',
  ].join('\n');
}
