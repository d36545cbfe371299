import os from 'node:os';
import path from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { exportGraph } from '../../src/export/export';
import { graphChecksum } from '../../src/export/graph-checksum';
import { defaultDataDirectory, loadDataset } from '../../src/import/dataset';
import { importFiles } from '../../src/import/import';
import { writeDataset } from '../../src/import/write-dataset';
import { clearGraph } from '../../src/store/catalog';
import { storeDigest } from '../helpers/store-digest';
import { datasetTemplate } from '../helpers/stores';
import { describeNeo4j, openEmptyStore, openLoadedEngineStore, type OpenedStore } from '../helpers/engines';

/*
 * One graph, two engines: the curated dataset loaded into each gives the same checksum, and an
 * export from either engine imports into the other as the identical graph (JSON Lines and CSV).
 */
describeNeo4j('Import and export across engines', () => {
  let embedded: OpenedStore;
  let neo4j: OpenedStore;
  let directory: string;
  let curated: Awaited<ReturnType<typeof graphChecksum>>;

  beforeAll(async () => {
    directory = mkdtempSync(path.join(os.tmpdir(), 'tradegraph-engines-'));
    // The embedded store: a copy of this worker's curated template (what loading it writes).
    embedded = await openLoadedEngineStore('embedded', defaultDataDirectory());
    neo4j = await openEmptyStore('neo4j');
    curated = await graphChecksum(embedded.store);
  }, 180_000);
  afterAll(async () => {
    await embedded?.dispose();
    await neo4j?.dispose();
    rmSync(directory, { recursive: true, force: true });
  });

  test('the curated dataset loaded into Neo4j has the checksum it has on the embedded store', async () => {
    await writeDataset(neo4j.store, loadDataset(defaultDataDirectory()));
    const onNeo4j = await graphChecksum(neo4j.store);
    expect(onNeo4j).toEqual(curated);
    expect(curated.nodes.Statistic).toBeGreaterThan(0);
    // Bookkeeping and statistic keys too: what a Neo4j suite that only reads is checked against
    // before it is given the database another left (test/helpers/engines.ts, `reuse`).
    expect(await storeDigest(neo4j.store)).toBe((await datasetTemplate(defaultDataDirectory())).digest);
  });

  test.each(['jsonl', 'csv'] as const)(
    'exported from embedded as %s, imported into Neo4j, exported again and imported into embedded: one checksum',
    async (format) => {
      await neo4j.store.transaction((tx) => tx.run(clearGraph, {}));
      const fromEmbedded = path.join(
        directory,
        `from-embedded-${format}${format === 'jsonl' ? '.jsonl' : ''}`,
      );
      await exportGraph(embedded.store, fromEmbedded, { format });
      await importFiles(neo4j.store, [fromEmbedded]);
      expect((await graphChecksum(neo4j.store)).checksum).toBe(curated.checksum);

      const fromNeo4j = path.join(directory, `from-neo4j-${format}${format === 'jsonl' ? '.jsonl' : ''}`);
      await exportGraph(neo4j.store, fromNeo4j, { format });
      const back = await openEmptyStore('embedded');
      try {
        await importFiles(back.store, [fromNeo4j]);
        expect((await graphChecksum(back.store)).checksum).toBe(curated.checksum);
      } finally {
        await back.dispose();
      }
    },
    180_000,
  );
});
