import createDebug from 'debug';
import { deleteMeta, listMeta, setMeta } from '../store/catalog.js';
import type { GraphStore } from '../store/graph-store.js';
import { applyUndo, type UndoEntry } from './write-plan.js';
import { ImportError } from '../records/errors.js';

const log = createDebug('tradegraph:import:journal');

/**
 * The journal of an import written in several transactions (always on Neo4j, where one huge
 * transaction is not an option). It lives in Meta nodes, so it needs no schema of its own:
 *
 * - `import:<id>` marks the import: `{"state":"running"|"committed", "files":[…], "started":…}`;
 * - `import:<id>:<n>` (n zero-padded) is written in the same transaction as batch n and says how
 *   to undo it: the ids of the nodes and the keys of the claims it created, and the rows of the
 *   nodes and claims it changed, as they were before.
 *
 * A batch and its journal entry commit together, so the journal always matches what was written.
 * Rolling back undoes the batches from the last to the first, each in its own transaction that
 * also deletes its entry, so a rollback that is itself interrupted resumes where it stopped. Once
 * every batch is in, the marker is set to `committed` before the entries are deleted: from then on
 * the import can no longer be rolled back, only its leftover entries cleaned.
 */

const PREFIX = 'import:';

export interface ImportMarker {
  readonly state: 'running' | 'committed';
  readonly files: readonly string[];
  readonly started: string;
}

export interface UnfinishedImport extends ImportMarker {
  readonly importId: string;
  readonly batches: number;
}

const markerKey = (importId: string): string => `${PREFIX}${importId}`;
export const batchKey = (importId: string, batch: number): string =>
  `${PREFIX}${importId}:${String(batch).padStart(6, '0')}`;

export async function beginJournal(
  store: GraphStore,
  importId: string,
  files: readonly string[],
): Promise<void> {
  const marker: ImportMarker = { state: 'running', files, started: new Date().toISOString() };
  await store.transaction((tx) =>
    tx.run(setMeta, { key: markerKey(importId), value: JSON.stringify(marker) }),
  );
}

/** Marks the import complete, then removes its journal. */
export async function finishJournal(store: GraphStore, importId: string): Promise<void> {
  const rows = await store.read(listMeta, { keyPrefix: markerKey(importId) });
  const marker = rows.find((row) => row.key === markerKey(importId));
  if (!marker) throw new ImportError(`import ${importId} has no journal`);
  const committed: ImportMarker = { ...(JSON.parse(marker.value) as ImportMarker), state: 'committed' };
  await store.transaction((tx) =>
    tx.run(setMeta, { key: markerKey(importId), value: JSON.stringify(committed) }),
  );
  await removeEntries(store, importId);
}

async function removeEntries(store: GraphStore, importId: string): Promise<void> {
  const entries = await store.read(listMeta, { keyPrefix: `${markerKey(importId)}:` });
  await store.transaction(async (tx) => {
    for (const entry of entries) await tx.run(deleteMeta, { key: entry.key });
    await tx.run(deleteMeta, { key: markerKey(importId) });
  });
}

/**
 * Imports whose journal is still in the store: `running` ones were interrupted and can be rolled
 * back; `committed` ones finished and only their journal is left over.
 */
export async function unfinishedImports(store: GraphStore): Promise<UnfinishedImport[]> {
  const rows = await store.read(listMeta, { keyPrefix: PREFIX });
  const markers = rows.filter((row) => !row.key.slice(PREFIX.length).includes(':'));
  return markers.map((row) => {
    const importId = row.key.slice(PREFIX.length);
    const batches = rows.filter((each) => each.key.startsWith(`${row.key}:`)).length;
    return { importId, batches, ...(JSON.parse(row.value) as ImportMarker) };
  });
}

/** Removes the journals of imports that finished but were stopped before cleaning up. */
export async function cleanCommittedJournals(store: GraphStore): Promise<void> {
  for (const each of await unfinishedImports(store)) {
    if (each.state === 'committed') await removeEntries(store, each.importId);
  }
}

/**
 * Undoes an interrupted journaled import, batch by batch from the last. Returns the number of
 * batches undone. Refuses an import that finished (its journal says `committed`).
 */
export async function rollbackImport(store: GraphStore, importId: string): Promise<number> {
  const rows = await store.read(listMeta, { keyPrefix: markerKey(importId) });
  const marker = rows.find((row) => row.key === markerKey(importId));
  if (!marker) throw new ImportError(`no unfinished import "${importId}" in the store`);
  const state = (JSON.parse(marker.value) as ImportMarker).state;
  if (state === 'committed') {
    await removeEntries(store, importId);
    throw new ImportError(
      `import "${importId}" finished; it cannot be rolled back (its leftover journal was removed)`,
    );
  }
  const entries = rows.filter((row) => row.key.startsWith(`${markerKey(importId)}:`)).reverse();
  for (const entry of entries) {
    await store.transaction(async (tx) => {
      await applyUndo(tx, JSON.parse(entry.value) as UndoEntry);
      await tx.run(deleteMeta, { key: entry.key });
    });
    log('undid %s', entry.key);
  }
  await store.transaction(async (tx) => {
    // The import's record (import-records.ts), written with its last batch, goes with it.
    await tx.run(deleteMeta, { key: `imported:${importId}` });
    await tx.run(deleteMeta, { key: markerKey(importId) });
  });
  return entries.length;
}
