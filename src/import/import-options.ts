import type { NodeKind } from '../domain/kinds.js';
import type { RecordKind } from '../records/record-kinds.js';
import type { StoreValue } from '../store/values.js';
import type { ComtradeOptions } from './comtrade.js';

/**
 * What an import is asked to do, what it reports while it runs and what it returns: the types the
 * stages share, and that callers of `importFiles` (the CLI, POST /import, the benchmark) see.
 */

export type ImportMode = 'transaction' | 'journal';

export interface ImportOptions {
  /** Validate and count what would change, without writing anything. */
  readonly dryRun?: boolean;
  /**
   * `transaction` (embedded default): the whole import is one transaction. `journal` (Neo4j
   * default): batches of their own, each journaled so the import can be rolled back by its id.
   */
  readonly mode?: ImportMode;
  /** Names the import in its journal; generated when omitted. */
  readonly importId?: string;
  /** Records per batch (validated, looked up and written together). */
  readonly batchSize?: number;
  /**
   * New statistics per packed statement in a one-transaction import written in place
   * (gathered over batches; more is faster and takes more memory, about 0.5 kB a row).
   */
  readonly bulkRows?: number;
  /**
   * One-transaction imports of at least this many bytes (all files together) are bulk writes
   * when the store can make them (`TransactionOptions.bulk`: the embedded store builds them in a
   * copy of the database, with the engine's bulk loader); smaller ones are written in place.
   * Default: DEFAULT_BULK_IMPORT_BYTES.
   */
  readonly bulkAboveBytes?: number;
  readonly comtrade?: ComtradeOptions;
  /**
   * Worker threads that check records (0: none, all on the main thread). Default: one per core, at
   * most four, when the files in the project's format add up to 4 MiB or more.
   */
  readonly workers?: number;
  /**
   * Calls the import off: checked after each batch and before the write becomes durable (see
   * `TransactionOptions.signal`); an import called off throws WriteAbortedError, nothing written.
   */
  readonly signal?: AbortSignal;
  /** Called after each batch and at each change of phase. */
  readonly onProgress?: (progress: ImportProgress) => void;
  /** Problems kept in full (the rest are counted); at least the 50 a ValidationError prints. */
  readonly maxProblems?: number;
  /**
   * A record states the whole entity: fields it leaves out are cleared and its lists replace the
   * stored ones. Default (false): additive, a record changes only the fields it gives and its
   * lists are merged into the stored ones.
   */
  readonly replaceEntities?: boolean;
}

/** One field an import changes on a node the graph has. */
export interface FieldChange {
  readonly field: string;
  readonly before: StoreValue;
  readonly after: StoreValue;
  /** The change removes or replaces a value the graph holds (not only adds to it). */
  readonly overwrites: boolean;
}

/** A node the import changes, field by field. */
export interface NodeChange {
  readonly kind: NodeKind;
  readonly id: string;
  /** The change comes from a record with this id and `sameAs` naming `id`, merged into it. */
  readonly mergedFrom?: string;
  readonly fields: readonly FieldChange[];
}

/** A record with `sameAs`, merged into the node it names: its own id is never created (see same-as.ts). */
export interface SameAsMerge {
  readonly kind: NodeKind;
  /** The record's own id: wherever the change uses it, it stands for `into`. */
  readonly id: string;
  readonly into: string;
  readonly file: string;
  readonly line: number;
}

/** A new entity of the import that may be one the graph has (see duplicates.ts). */
export interface PossibleDuplicate {
  readonly kind: NodeKind;
  readonly id: string;
  readonly file: string;
  readonly line: number;
  /** The stored entities of the same kind with one of its names or aliases (`on`, folded). */
  readonly matches: readonly { readonly id: string; readonly name: string; readonly on: string }[];
  /** What to do if it is one of them: `sameAs` in its record. */
  readonly hint: string;
}

export interface ImportProgress {
  readonly phase: 'reading' | 'writing' | 'committing' | 'rolling back';
  readonly bytesRead: number;
  readonly totalBytes: number;
  readonly records: number;
  /** Writing steps done and to do (a batch, or a bulk load each), once everything is checked. */
  readonly batches?: { readonly done: number; readonly total: number };
}

export interface Tally {
  created: number;
  updated: number;
  unchanged: number;
}

export interface ImportSummary {
  readonly importId: string;
  readonly mode: ImportMode;
  readonly dryRun: boolean;
  readonly files: readonly { file: string; format: string; kind: RecordKind | null; records: number }[];
  /** Records read (a Comtrade row counts once, not with the nodes it implies). */
  readonly records: number;
  /** Created, updated and unchanged nodes of each kind (statistics included). */
  readonly nodes: Record<NodeKind, Tally>;
  /** Created, updated and unchanged relationship claims. */
  readonly relationships: Tally;
  /** Records that repeat an earlier record of the import exactly (written once). */
  readonly duplicates: number;
  /** Comtrade rows not imported, by reason. */
  readonly skipped: readonly { reason: string; rows: number }[];
  /** Entities and sources the import changes, field by field (the first 1000; `changeCount` counts all). */
  readonly changes: readonly NodeChange[];
  readonly changeCount: number;
  /** How many of those changes remove or replace a stored value. */
  readonly overwrites: number;
  /** New entities whose name or alias a stored entity of the same kind has (plants: in the same place). */
  readonly possibleDuplicates: readonly PossibleDuplicate[];
  /** Records merged by `sameAs` into the node they name (the first 1000). */
  readonly merges: readonly SameAsMerge[];
  readonly seconds: number;
}

/**
 * See `ImportOptions.bulkAboveBytes`: every import is a bulk write by default. The engine's own
 * recovery from a kill during the checkpoint of a large transaction written in place can give
 * neither the before nor the after state (bench/README.md, crash torture), so the size below
 * which writing in place is safe is not known; the cost of the copy is measured instead.
 */
export const DEFAULT_BULK_IMPORT_BYTES = 0;

export const tally = (): Tally => ({ created: 0, updated: 0, unchanged: 0 });
