import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defaultDataDirectory, loadDataset } from '../../src/import/dataset';
import { RECORD_FILES } from '../../src/records/records';
import { importFiles } from '../../src/import/import';
import { writeDataset } from '../../src/import/write-dataset';
import { getMeta, setMeta } from '../../src/store/catalog';
import { findNodes } from '../../src/store/find-nodes';
import type { GraphStore } from '../../src/store/graph-store';
import { describeNeo4j, openEmptyStore, openLoadedEngineStore } from '../helpers/engines';
import { fixture } from '../helpers/import-files';
import { storeDigest } from '../helpers/store-digest';
import { datasetTemplate, FIXTURE_DATASET, openLoadedStore, openTemporaryStore } from '../helpers/stores';

jest.setTimeout(180_000);

/*
 * The tests' loaded stores (test/helpers/stores.ts, engines.ts): a copy of a worker's loaded
 * template is the store a load gives, and independent of the other copies; a Neo4j database is
 * reused by a suite that only reads only when it holds exactly what a load writes.
 */
describe('Loaded embedded stores are copies of a template made once per worker', () => {
  test.each([
    ['the fixture dataset', FIXTURE_DATASET],
    ['the curated dataset', defaultDataDirectory()],
  ])('a copy of %s holds what loading it into an empty store writes', async (_name, directory) => {
    const fresh = await openTemporaryStore();
    const copy = await openLoadedStore(directory);
    try {
      await writeDataset(fresh.store, loadDataset(directory));
      // Graph, counts of every label and type, Meta entries and statistic keys.
      expect(await storeDigest(copy.store)).toBe(await storeDigest(fresh.store));
      expect(await storeDigest(copy.store)).toBe((await datasetTemplate(directory)).digest);
    } finally {
      await fresh.dispose();
      await copy.dispose();
    }
  });

  test('copies are independent stores: a write to one is in no other copy, nor in the template', async () => {
    const template = await datasetTemplate(FIXTURE_DATASET);
    const one = await openLoadedStore();
    const two = await openLoadedStore();
    try {
      expect(one.store.directory).not.toBe(two.store.directory);
      expect(one.store.directory).not.toBe(template.file);
      const summary = await importFiles(one.store, [fixture('companies.csv')]);
      expect(summary.nodes.Company.created).toBeGreaterThan(0);
      expect((await findNodes(one.store, ['delta-axles'])).has('delta-axles')).toBe(true);
      expect((await findNodes(two.store, ['delta-axles'])).has('delta-axles')).toBe(false);
      expect(await storeDigest(two.store)).toBe(template.digest);
      const three = await openLoadedStore();
      try {
        expect(await storeDigest(three.store)).toBe(template.digest);
      } finally {
        await three.dispose();
      }
      // The template file is closed, and never opened again: the copies do not take its place.
      expect(existsSync(`${template.file}.work`)).toBe(false);
    } finally {
      await one.dispose();
      await two.dispose();
    }
  });
});

describeNeo4j('A Neo4j database reused between suites that only read', () => {
  const WRITTEN = 'test:written-by-a-reading-suite';
  let tiny: string;
  let other: string;
  beforeAll(() => {
    // Two small datasets, quick to load: the fixture's two countries, and one of them.
    const dataset = (countries: string): string => {
      const directory = mkdtempSync(path.join(os.tmpdir(), 'tradegraph-tiny-dataset-'));
      for (const file of Object.keys(RECORD_FILES)) writeFileSync(path.join(directory, file), '[]\n');
      writeFileSync(path.join(directory, 'countries.yaml'), countries);
      return directory;
    };
    tiny = dataset('- id: MX\n  name: Mexico\n- id: US\n  name: United States\n');
    other = dataset('- id: MX\n  name: Mexico\n');
  });
  afterAll(() => {
    for (const directory of [tiny, other]) rmSync(directory, { recursive: true, force: true });
  });

  /** One suite's turn: whether it was given the database the last one left. */
  const turn = async (
    directory: string,
    reuse: boolean,
    work: (store: GraphStore) => Promise<unknown> = async () => undefined,
  ): Promise<boolean> => {
    const opened = await openLoadedEngineStore('neo4j', directory, { reuse });
    try {
      expect(await storeDigest(opened.store)).toBe((await datasetTemplate(directory)).digest);
      expect(await opened.store.read(getMeta, { key: WRITTEN })).toEqual([]);
      await work(opened.store);
      return opened.reused;
    } finally {
      await opened.dispose();
    }
  };

  test('the fixture dataset loaded into Neo4j has the digest of its embedded template', async () => {
    // What reuse is checked against: the same on both engines, or no database would be reused.
    // A turn that may write, so it is loaded whatever the suite before this one left.
    expect(await turn(FIXTURE_DATASET, false)).toBe(false);
  });

  test('reused after a reading suite; loaded again after a write, another dataset or another turn', async () => {
    expect(await turn(tiny, true)).toBe(false);
    // Reused; and this suite, though it said it only reads, writes (only bookkeeping, even).
    const write = (store: GraphStore) =>
      store.transaction((tx) => tx.run(setMeta, { key: WRITTEN, value: 'yes' }));
    expect(await turn(tiny, true, write)).toBe(true);
    // So the next one gets the dataset loaded again (`turn` checks the write is gone).
    expect(await turn(tiny, true)).toBe(false);
    // Another dataset's database is not reused.
    expect(await turn(other, true)).toBe(false);
    // A suite that may write (no reuse) is not given it, and leaves nothing to reuse.
    expect(await turn(other, false)).toBe(false);
    expect(await turn(other, true)).toBe(false);
    // Nor does any other turn (here an empty store's).
    await (await openEmptyStore('neo4j')).dispose();
    expect(await turn(other, true)).toBe(false);
  });
});
