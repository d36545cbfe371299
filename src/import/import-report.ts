import path from 'node:path';
import { NODE_KINDS, type NodeKind } from '../domain/kinds.js';
import { WriteAbortedError } from '../store/errors.js';
import type { ImportRecord } from './import-records.js';
import {
  tally,
  type FieldChange,
  type ImportMode,
  type ImportProgress,
  type ImportSummary,
  type NodeChange,
  type PossibleDuplicate,
  type SameAsMerge,
  type Tally,
} from './import-options.js';
import type { InputFile } from './input-files.js';
import { ValidationError, type Problem, type ProblemSink } from './problems.js';

/** Changes listed in full in a summary. */
const CHANGES_KEPT = 1000;

/**
 * What one import has read, found wrong and counted, kept by every stage in one place: the
 * problems (capped, all counted), the files' record counts, the tallies of created, updated and
 * unchanged nodes and claims, the field-level changes; and the progress reported to the caller.
 */
export class ImportReport {
  private readonly started = Date.now();
  private readonly problems: Problem[] = [];
  problemCount = 0;
  private readonly fileRecords: number[];
  readonly totalBytes: number;
  bytesRead = 0;
  records = 0;
  readonly nodes = Object.fromEntries(NODE_KINDS.map((kind) => [kind, tally()])) as Record<NodeKind, Tally>;
  readonly relationships = tally();
  duplicates = 0;
  private readonly changes: NodeChange[] = [];
  private changeCount = 0;
  private overwrites = 0;
  /** New entities that may be ones the graph has (duplicates.ts). */
  possibleDuplicates: PossibleDuplicate[] = [];
  /** Records merged by `sameAs` into the node they name (the first CHANGES_KEPT). */
  private readonly merges: SameAsMerge[] = [];
  /** Comtrade rows not imported, by reason. */
  readonly skipped = new Map<string, number>();
  /** Problems the readers find go through the cap. */
  readonly sink: ProblemSink = { push: (problem) => this.problem(problem) };

  constructor(
    readonly files: readonly InputFile[],
    private readonly options: {
      readonly maxProblems: number;
      readonly signal?: AbortSignal | undefined;
      readonly onProgress?: ((progress: ImportProgress) => void) | undefined;
    },
  ) {
    this.fileRecords = files.map(() => 0);
    this.totalBytes = files.reduce((sum, file) => sum + file.bytes, 0);
  }

  problem(problem: Problem): void {
    this.problemCount += 1;
    if (this.problems.length < this.options.maxProblems) this.problems.push(problem);
  }

  /** The name of the file at this index of the import. */
  fileName(index: number): string {
    return this.files[index]?.name ?? '?';
  }

  /** Records read from a file (valid or not). */
  counted(file: number, records: number): void {
    this.records += records;
    this.fileRecords[file] = (this.fileRecords[file] ?? 0) + records;
  }

  /** A node the import changes, field by field (`mergedFrom`: by a `sameAs` record with that id). */
  changed(kind: NodeKind, id: string, fields: FieldChange[], mergedFrom?: string): void {
    this.changeCount += 1;
    this.overwrites += fields.filter((change) => change.overwrites).length;
    if (this.changes.length < CHANGES_KEPT) {
      this.changes.push(mergedFrom === undefined ? { kind, id, fields } : { kind, id, mergedFrom, fields });
    }
  }

  /** A `sameAs` record merged into the node it names. */
  merged(merge: SameAsMerge): void {
    if (this.merges.length < CHANGES_KEPT) this.merges.push(merge);
  }

  /** Throws the problems found, if any, in reading order: by file as imported, then by line. */
  refuseIfProblems(): void {
    if (this.problemCount === 0) return;
    const order = new Map(this.files.map((file, index) => [file.name, index]));
    const sorted = this.problems
      .map((problem, index) => ({ problem, index }))
      .sort(
        (a, b) =>
          (order.get(a.problem.file) ?? -1) - (order.get(b.problem.file) ?? -1) ||
          (a.problem.line ?? 0) - (b.problem.line ?? 0) ||
          a.index - b.index,
      )
      .map(({ problem }) => problem);
    throw new ValidationError(sorted, this.problemCount);
  }

  /** Reports progress; an import called off (its signal) stops here, unless it is rolling back. */
  progress(phase: ImportProgress['phase'], batches?: ImportProgress['batches']): void {
    if (this.options.signal?.aborted && phase !== 'rolling back') {
      throw new WriteAbortedError('the import was called off before it was written; nothing was applied');
    }
    this.options.onProgress?.({
      phase,
      bytesRead: this.bytesRead,
      totalBytes: this.totalBytes,
      records: this.records,
      ...(batches ? { batches } : {}),
    });
  }

  /** Whether the import creates or changes anything (only then is it recorded). */
  changesAnything(): boolean {
    const nodes = Object.values(this.nodes).reduce((sum, t) => sum + t.created + t.updated, 0);
    return nodes + this.relationships.created + this.relationships.updated > 0;
  }

  /** The record the import leaves in the graph (see import-records.ts). */
  record(importId: string): ImportRecord {
    const sum = (field: 'created' | 'updated'): number =>
      Object.values(this.nodes).reduce((total, t) => total + t[field], 0) + this.relationships[field];
    return {
      importId,
      at: new Date().toISOString(),
      // The file's own name: POST /import's temporary directory is not part of it.
      files: this.files.map((file) => path.basename(file.name)),
      created: sum('created'),
      updated: sum('updated'),
    };
  }

  summary(importId: string, mode: ImportMode, dryRun: boolean): ImportSummary {
    return {
      importId,
      mode,
      dryRun,
      files: this.files.map((file, i) => ({
        file: file.name,
        format: file.format,
        kind: file.kind,
        records: this.fileRecords[i] ?? 0,
      })),
      records: this.records,
      nodes: this.nodes,
      relationships: this.relationships,
      duplicates: this.duplicates,
      skipped: [...this.skipped].map(([reason, rows]) => ({ reason, rows })),
      changes: this.changes,
      changeCount: this.changeCount,
      overwrites: this.overwrites,
      possibleDuplicates: this.possibleDuplicates,
      merges: this.merges,
      seconds: (Date.now() - this.started) / 1000,
    };
  }
}
