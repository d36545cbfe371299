import { randomBytes } from 'node:crypto';
import { RELATIONSHIP_TYPES } from '../domain/relationships.js';
import { countNodes, countRelationships } from '../store/catalog.js';
import type { GraphStore } from '../store/graph-store.js';
import { applyInOneTransaction, applyJournaled, type Application } from './apply.js';
import type { Checked } from './check-records.js';
import { possibleDuplicates } from './duplicates.js';
import {
  DEFAULT_BULK_IMPORT_BYTES,
  type ImportMode,
  type ImportOptions,
  type ImportSummary,
} from './import-options.js';
import { ImportReport } from './import-report.js';
import { planInputs } from './input-files.js';
import { Planner } from './plan.js';
import { ValidationError, type Problem } from './problems.js';
import { readFiles } from './read-files.js';
import { Repeats } from './repeats.js';
import { Resolver } from './resolve.js';
import { Staging } from './staging.js';
import type { Valid } from './valid-records.js';
import type { WritePlan } from './write-plan.js';

/**
 * Bulk import: files in the project's own formats (JSON Lines and CSV) and UN Comtrade CSV,
 * validated in full, then applied entirely or not at all. See docs/import-export.md.
 *
 * The stages, each a module: read (read-files.ts: files to checked records, check-blocks.ts and
 * check-records.ts in worker threads), check the import as a whole (repeats.ts), resolve references
 * (resolve.ts), plan the writes against the store (plan.ts, merge-node.ts) and apply them
 * (apply.ts: one transaction, or journaled batches). This module runs them in order.
 */

export type {
  PossibleDuplicate,
  FieldChange,
  SameAsMerge,
  ImportMode,
  ImportOptions,
  ImportProgress,
  ImportSummary,
  NodeChange,
  Tally,
} from './import-options.js';
export { DEFAULT_BULK_IMPORT_BYTES } from './import-options.js';
export { mergeNode, rowOfNode } from './merge-node.js';

function generateImportId(): string {
  const stamp = new Date()
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  return `${stamp}-${randomBytes(3).toString('hex')}`;
}

/** One import at a time per store: a store's bulk directory holds one import's staged files. */
const importLocks = new WeakMap<GraphStore, Promise<unknown>>();

function oneAtATime<T>(store: GraphStore, work: () => Promise<T>): Promise<T> {
  const previous = importLocks.get(store) ?? Promise.resolve();
  const next = previous.catch(() => undefined).then(work);
  importLocks.set(store, next);
  return next;
}

/**
 * Imports files into a store and returns what changed. Throws ValidationError (nothing written)
 * when any record has a problem.
 */
export async function importFiles(
  store: GraphStore,
  paths: readonly string[],
  options: ImportOptions = {},
): Promise<ImportSummary> {
  return oneAtATime(store, () => runImport(store, paths, options));
}

async function runImport(
  store: GraphStore,
  paths: readonly string[],
  options: ImportOptions,
): Promise<ImportSummary> {
  const mode: ImportMode = options.mode ?? (store.engine === 'neo4j' ? 'journal' : 'transaction');
  const importId = options.importId ?? generateImportId();
  const batchSize = options.batchSize ?? 20_000;
  const planning: Problem[] = [];
  const files = planInputs(paths, planning);
  const report = new ImportReport(files, {
    maxProblems: Math.max(options.maxProblems ?? 1000, ValidationError.SHOWN),
    signal: options.signal,
    onProgress: options.onProgress,
  });
  for (const problem of planning) report.problem(problem);

  const stored = new Map<string, number>();
  for (const row of await store.read(countNodes, {})) stored.set(row.kind, row.count);
  let storedClaims = 0;
  for (const row of await store.read(countRelationships, {})) {
    if (Object.hasOwn(RELATIONSHIP_TYPES, row.type)) storedClaims += row.count;
  }
  // Sized for the records the files can hold (a record takes 100 bytes or more), so it need not grow.
  const repeats = new Repeats(report, Math.ceil(report.totalBytes / 100));
  const resolver = new Resolver(store, report, repeats);
  const planner = new Planner(store, report, resolver, {
    journaled: mode === 'journal',
    replaceEntities: options.replaceEntities ?? false,
    storedStatistics: stored.get('Statistic') ?? 0,
    storedClaims,
  });
  // Large one-transaction imports stage their new statistics for the bulk loader, and are bulk writes.
  const bulk =
    !options.dryRun &&
    mode === 'transaction' &&
    report.totalBytes >= (options.bulkAboveBytes ?? DEFAULT_BULK_IMPORT_BYTES)
      ? store.bulkDirectory
      : undefined;
  const staging = bulk ? new Staging(bulk) : null;

  const planBatch = async (valid: readonly Valid[], final = false): Promise<WritePlan> => {
    const { ready, storedNodes } = await resolver.resolve(valid, final);
    return planner.plan(ready, storedNodes);
  };
  const app: Application = {
    store,
    importId,
    report,
    plans: async (onPlan) => {
      await readFiles(
        report,
        { batchSize, workers: options.workers, comtrade: options.comtrade },
        {
          batch: async (checked: Checked[], inFiles: number[]) => {
            const valid = repeats.admit(checked, inFiles);
            resolver.register(valid);
            await onPlan(await planBatch(valid));
          },
          // Whole blocks of new statistics: staged as they are, or counted in a dry run (never journaled).
          whole: (response, file) =>
            mode === 'transaction' && (staging || options.dryRun)
              ? planner.planWhole(response, file, repeats, staging)
              : Promise.resolve(false),
          exists: (id) => resolver.exists(id),
        },
      );
      // References that pointed ahead are resolved; the records that waited for them planned.
      const deferred = resolver.finish();
      if (report.problemCount > 0) return;
      for (let i = 0; i < deferred.length; i += batchSize) {
        await onPlan(await planBatch(deferred.slice(i, i + batchSize), true));
      }
      // Before anything is written: new entities the graph may have already, for the preview.
      if (report.problemCount === 0) {
        report.possibleDuplicates = await possibleDuplicates(store, planner.newEntities, planner.locations);
      }
    },
  };

  if (options.dryRun) {
    await app.plans(async () => undefined);
    report.refuseIfProblems();
  } else if (mode === 'transaction') {
    await applyInOneTransaction(app, staging, options.bulkRows ?? 100_000);
  } else {
    await applyJournaled(app);
  }
  return report.summary(importId, mode, options.dryRun ?? false);
}
