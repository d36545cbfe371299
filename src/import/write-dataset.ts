import createDebug from 'debug';
import { NODE_KINDS } from '../domain/kinds.js';
import { clearGraph, getMeta, setMeta, setStatisticChange, upsertStatements } from '../store/catalog.js';
import { linkStatementNamed } from '../store/generated-statements.js';
import type { GraphStore } from '../store/graph-store.js';
import { maybeOne } from '../store/results.js';
import { KeyChanges } from '../store/statistic-keys.js';
import type { Dataset } from './dataset.js';
import { refuseToDropImports } from './import-records.js';

const log = createDebug('tradegraph:import:dataset');

export const DATASET_FINGERPRINT_KEY = 'dataset.fingerprint';

export interface WriteSummary {
  readonly nodes: number;
  readonly relationships: number;
  readonly replaced: boolean;
}

/**
 * Writes a validated dataset in one transaction: either all of it lands or nothing changes.
 * Upserts are keyed (nodes by id, claims by type, ends and source), so writing twice changes nothing;
 * `replace` first empties the graph, so records removed from the dataset disappear too.
 */
export async function writeDataset(
  store: GraphStore,
  dataset: Dataset,
  options: { replace?: boolean; discardImports?: readonly string[] } = {},
): Promise<WriteSummary> {
  // A rebuild drops what was imported: only imports named to be discarded (see import-records.ts).
  if (options.replace) await refuseToDropImports(store, options.discardImports ?? []);
  let nodes = 0;
  let relationships = 0;
  await store.transaction(async (tx) => {
    if (options.replace) await tx.run(clearGraph, {});
    // The statistic keys follow the statistics: stored ones leave the keys of their old fields first.
    const keys = new KeyChanges();
    const statistics = dataset.nodes.get('Statistic') ?? [];
    if (!options.replace)
      await keys.removeStored(
        tx,
        statistics.map((row) => String(row.id)),
      );
    for (const kind of NODE_KINDS) {
      const rows = dataset.nodes.get(kind) ?? [];
      await tx.runBatch(upsertStatements[kind], rows);
      nodes += rows.length;
    }
    keys.addRows(statistics);
    await keys.apply(tx);
    await tx.runBatch(setStatisticChange, dataset.statisticChanges);
    for (const [name, rows] of dataset.links) {
      await tx.runBatch(linkStatementNamed(name), rows);
      relationships += rows.length;
    }
    await tx.run(setMeta, { key: DATASET_FINGERPRINT_KEY, value: dataset.fingerprint });
  });
  log('wrote %d nodes and %d relationships', nodes, relationships);
  return { nodes, relationships, replaced: options.replace ?? false };
}

/** The fingerprint of the dataset the store was last loaded with, or null for an empty store. */
export async function storedFingerprint(store: GraphStore): Promise<string | null> {
  const row = maybeOne(await store.read(getMeta, { key: DATASET_FINGERPRINT_KEY }), 'dataset fingerprint');
  return row?.value ?? null;
}
