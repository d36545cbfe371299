/**
 * Child process of the suite: loads the curated dataset into a fresh embedded store, then imports
 * the generated files with `importFiles`, as `tradegraph import` would (same store settings, no
 * query timeout). Its own process, so its peak RSS is the import's. Prints one JSON line.
 *
 *   node --import tsx bench/suite/import-child.ts <database directory> <page cache GiB> <file>...
 *   node --import tsx bench/suite/import-child.ts bolt://127.0.0.1:<port> - <file>...
 *
 * Given a Bolt URI instead of a directory, it imports into that Neo4j (an empty one) as
 * `tradegraph import` with NEO4J_URI does: journaled batches, each its own transaction.
 *
 * The page cache is the one setting that differs from `tradegraph import` (which opens the store
 * with the engine's default of 1 GiB): at scale L the import's one transaction does not fit in it.
 */
import { importFiles } from '../../src/import/import';
import { ALL_STATEMENTS, statementsFor } from '../../src/store/catalog';
import { CypherCatalog } from '../../src/store/cypher-catalog';
import { EmbeddedStore } from '../../src/store/embedded/embedded-store';
import type { GraphStore } from '../../src/store/graph-store';
import { Neo4jStore } from '../../src/store/neo4j/neo4j-store';
import { ensureDataset } from '../../src/import/ensure-dataset';

export interface ImportMeasurement {
  readonly curatedSeconds: number;
  readonly importSeconds: number;
  /** Where the import's time went: reading and checking, writing, committing. */
  readonly checkSeconds: number;
  readonly writeSeconds: number;
  readonly commitSeconds: number;
  readonly records: number;
  readonly statisticsCreated: number;
  readonly nodesCreated: number;
  readonly relationshipsCreated: number;
  readonly peakRssMiB: number;
}

async function main(): Promise<void> {
  const [directory, poolGiB, ...files] = process.argv.slice(2);
  if (!directory || !poolGiB)
    throw new Error('usage: import-child <database directory> <page cache GiB> <file>...');
  const store: GraphStore = /^(bolt|neo4j)(\+s|\+ssc)?:\/\//.test(directory)
    ? await Neo4jStore.open({
        uri: directory,
        user: process.env.NEO4J_USER ?? 'neo4j',
        password: process.env.NEO4J_PASSWORD ?? '',
        catalog: CypherCatalog.load('neo4j').verify(ALL_STATEMENTS),
      })
    : await EmbeddedStore.open({
        directory,
        catalog: CypherCatalog.load('embedded').verify(statementsFor('embedded')),
        queryTimeoutMs: 0,
        bufferPoolBytes: Number(poolGiB) * 1024 ** 3,
      });
  try {
    let started = process.hrtime.bigint();
    await ensureDataset(store);
    const curatedSeconds = Number(process.hrtime.bigint() - started) / 1e9;
    started = process.hrtime.bigint();
    const since = (): number => Number(process.hrtime.bigint() - started) / 1e9;
    let writing = 0;
    let committing = 0;
    const summary =
      files.length > 0
        ? await importFiles(store, files, {
            ...(process.env.BENCH_IMPORT_BATCH_SIZE
              ? { batchSize: Number(process.env.BENCH_IMPORT_BATCH_SIZE) }
              : {}),
            onProgress: (progress) => {
              // Journaled (Neo4j): each batch commits as it is written; 'committing' never comes.
              if (progress.phase === 'writing' && writing === 0) writing = since();
              if (progress.phase === 'committing' && committing === 0) committing = since();
            },
          })
        : { records: 0, nodes: {}, relationships: { created: 0 } };
    const importSeconds = since();
    if (committing === 0) committing = importSeconds;
    const nodes = Object.values(summary.nodes) as { created: number }[];
    const measurement: ImportMeasurement = {
      curatedSeconds,
      importSeconds,
      checkSeconds: writing,
      writeSeconds: committing - writing,
      commitSeconds: importSeconds - committing,
      records: summary.records,
      statisticsCreated: (summary.nodes as Record<string, { created: number }>).Statistic?.created ?? 0,
      nodesCreated: nodes.reduce((sum, tally) => sum + tally.created, 0),
      relationshipsCreated: summary.relationships.created,
      peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
    };
    process.stdout.write(`${JSON.stringify(measurement)}\n`);
  } finally {
    await store.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
