import createDebug from 'debug';
import { ImportError } from '../records/errors.js';
import { countNodes, setMeta } from '../store/catalog.js';
import type { GraphStore, WriteTransaction } from '../store/graph-store.js';
import { REBUILT_NODE_KINDS } from '../store/table-rebuild-cypher.js';
import { recordImport } from './import-records.js';
import type { ImportReport } from './import-report.js';
import {
  batchKey,
  beginJournal,
  cleanCommittedJournals,
  finishJournal,
  rollbackImport,
  unfinishedImports,
} from './journal.js';
import { Spool } from './spool.js';
import { statisticTableSteps, type EntityRows, type Staging } from './staging.js';
import { applyPlan, emptyPlan, entriesOf, planSize, push, type WritePlan } from './write-plan.js';

const log = createDebug('tradegraph:import');

/** One import to write: its store, id and report, and the stages before this one. */
export interface Application {
  readonly store: GraphStore;
  readonly importId: string;
  readonly report: ImportReport;
  /** Reads, checks, resolves and plans the whole import, handing over each batch's plan. */
  readonly plans: (onPlan: (plan: WritePlan) => Promise<void>) => Promise<void>;
}

/**
 * The apply stage, in one transaction, after everything is checked. While the files are read, each
 * batch's writes wait on disk (new statistics staged for the bulk loader when `staging` is given,
 * the rest as plans); once the whole import proved valid, one transaction applies them all,
 * bulk-loads the staged statistics and commits: a bulk write when staged (on the embedded store,
 * built in a copy of the database). Nothing touches the store before the last record is checked.
 * `bulkRows`: new statistics per packed statement when written in place.
 */
export async function applyInOneTransaction(
  app: Application,
  staging: Staging | null,
  bulkRows: number,
): Promise<void> {
  const { store, report } = app;
  const spool = new Spool(store.scratchDirectory);
  try {
    await app.plans(async (plan) => {
      if (report.problemCount > 0) return;
      if (staging) await staging.take(plan);
      if (planSize(plan) > 0) await spool.write(plan);
    });
    const statements = staging ? await staging.close() : [];
    await spool.close();
    report.refuseIfProblems();
    const total = spool.count + statements.length + (staging && staging.keyCount > 0 ? 1 : 0);
    let done = 0;
    report.progress('writing', { done, total });
    await store.transaction(
      async (tx) => {
        // Written in place, new statistics go in few large packed statements instead.
        let inserts = emptyPlan(false);
        for await (const plan of spool.read()) {
          for (const row of plan.inserted) inserts.inserted.push(row);
          for (const [name, links] of entriesOf(plan.insertedLinks)) {
            for (const link of links) push(inserts.insertedLinks, name, link);
          }
          plan.inserted = [];
          plan.insertedLinks = {};
          await applyPlan(tx, plan);
          if (inserts.inserted.length >= bulkRows) {
            await applyPlan(tx, inserts);
            inserts = emptyPlan(false);
          }
          report.progress('writing', { done: (done += 1), total });
        }
        await applyPlan(tx, inserts);
        // The staged statistics' keys, once everything written in place has its keys: one step,
        // whether one bulk load or the table built again around it.
        const keyStatements = staging ? await staging.stageKeys(tx) : [];
        // The staged statistics' loads, with the Statistic table built again around them when
        // they are many against it (each load one step; the rebuild's other steps none).
        const stored = staging ? await storedRows(tx, report) : null;
        const loads =
          staging && stored
            ? statisticTableSteps(stored.statistics, staging.stagedStatistics, statements, stored.entities)
            : statements;
        // Building tables again drops tables this transaction wrote to, which the engine refuses
        // at commit: what is written so far is committed in the copy first (the write stays one).
        if (loads.length > statements.length) {
          if (!tx.commitPart)
            throw new ImportError('building tables again needs a bulk write on the embedded store');
          await tx.commitPart();
        }
        for (const statement of loads) {
          await tx.run(statement, {});
          if (statements.includes(statement)) report.progress('writing', { done: (done += 1), total });
        }
        for (const statement of keyStatements) await tx.run(statement, {});
        if (keyStatements.length > 0) report.progress('writing', { done: (done += 1), total });
        if (report.changesAnything()) await recordImport(tx, report.record(app.importId));
        report.progress('committing');
      },
      { bulk: staging !== null },
    );
  } finally {
    staging?.remove();
    spool.remove();
  }
}

/**
 * What the store holds, with one count: its statistics (the import's staged ones not yet loaded),
 * and the entity rows it held before this import (its writes in place are done) against those it added.
 */
async function storedRows(
  tx: WriteTransaction,
  report: ImportReport,
): Promise<{ statistics: number; entities: EntityRows }> {
  const counts = await tx.run(countNodes, {});
  const count = (kind: string): number => counts.find((row) => row.kind === kind)?.count ?? 0;
  const now = REBUILT_NODE_KINDS.reduce((sum, kind) => sum + count(kind), 0);
  const added = REBUILT_NODE_KINDS.reduce((sum, kind) => sum + report.nodes[kind].created, 0);
  return { statistics: count('Statistic'), entities: { stored: now - added, added } };
}

/**
 * The apply stage in journaled batches (Neo4j's default): all validated first and kept on disk,
 * then each batch written in a transaction of its own with what undoes it; a failure rolls the
 * written batches back (or says how to, when it cannot).
 */
export async function applyJournaled(app: Application): Promise<void> {
  const { store, report, importId } = app;
  await cleanCommittedJournals(store);
  const running = (await unfinishedImports(store)).filter((each) => each.state === 'running');
  if (running.length > 0) {
    throw new ImportError(
      `an earlier import did not finish (${running.map((each) => each.importId).join(', ')}): ` +
        `roll it back first (tradegraph import --rollback <id>)`,
    );
  }
  const spool = new Spool(store.scratchDirectory);
  try {
    await app.plans(async (plan) => {
      if (report.problemCount === 0 && planSize(plan) > 0) await spool.write(plan);
    });
    await spool.close();
    report.refuseIfProblems();
    await beginJournal(
      store,
      importId,
      report.files.map((file) => file.name),
    );
    let done = 0;
    try {
      for await (const plan of spool.read()) {
        done += 1;
        await store.transaction(async (tx) => {
          await tx.run(setMeta, { key: batchKey(importId, done), value: JSON.stringify(plan.undo) });
          await applyPlan(tx, plan);
          // The import's record goes with its last batch (a rollback deletes it too).
          if (done === spool.count && report.changesAnything())
            await recordImport(tx, report.record(importId));
        });
        report.progress('writing', { done, total: spool.count });
      }
      await finishJournal(store, importId);
    } catch (error) {
      report.progress('rolling back');
      try {
        await rollbackImport(store, importId);
      } catch (rollbackError) {
        log('rollback failed: %O', rollbackError);
        throw new ImportError(
          `import ${importId} failed (${error instanceof Error ? error.message : String(error)}) and ` +
            `could not be rolled back (${rollbackError instanceof Error ? rollbackError.message : String(rollbackError)}); ` +
            `run: tradegraph import --rollback ${importId}`,
          { cause: error },
        );
      }
      throw error;
    }
  } finally {
    spool.remove();
  }
}
