import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Connection, Database } from '@ladybugdb/core';
import neo4j from 'neo4j-driver';
import { importFiles } from '../../src/import/import';
import { recordOfNode } from '../../src/records/graph-records';
import { splitStatements } from '../../src/store/cypher-catalog';
import { findNodes } from '../../src/store/find-nodes';
import type { GraphStore } from '../../src/store/graph-store';
import { Neo4jStore } from '../../src/store/neo4j/neo4j-store';
import { describeNeo4j, neo4jTestOptions, openEmptyStore } from '../helpers/engines';
import { writeFiles } from '../helpers/import-files';
import { openEmbeddedStore } from '../helpers/stores';

jest.setTimeout(180_000);

/*
 * A database made before dated facts carried sources (one `opened`, `founded`, `startDate`,
 * `endDate` value per node) opens, is migrated, and keeps every date as a fact resting on the
 * entity's own sources, on both engines.
 */

/** The nodes of the earlier version, written as it wrote them: one value in the old property. */
const OLD_NODES = [
  "CREATE (:Source {id: 'src-a', kind: 'Source', name: 'A', title: 'A', publisher: 'P', url: 'https://example.org/a', language: 'en'})",
  "CREATE (:Source {id: 'src-b', kind: 'Source', name: 'B', title: 'B', publisher: 'P', url: 'https://example.org/b', language: 'en'})",
  "CREATE (:Plant {id: 'old-plant', kind: 'Plant', name: 'Old plant', aliases: ['OP'], sources: ['src-a'], searchText: '|old-plant|old plant|op|', facilityType: 'plant', opened: '2009', products: ['trucks']})",
  "CREATE (:Plant {id: 'undated-plant', kind: 'Plant', name: 'Undated plant', aliases: [], sources: ['src-a'], searchText: '|undated-plant|undated plant|', facilityType: 'plant', products: []})",
  "CREATE (:Association {id: 'old-association', kind: 'Association', name: 'Old association', aliases: [], sources: ['src-a'], searchText: '|old-association|old association|', founded: '1992'})",
  "CREATE (:Policy {id: 'old-policy', kind: 'Policy', name: 'Old policy', aliases: [], sources: ['src-a'], searchText: '|old-policy|old policy|', policyType: 'agreement', startDate: '2020-07-01', endDate: '2026'})",
];

async function expectMigrated(store: GraphStore): Promise<void> {
  const nodes = await findNodes(store, ['old-plant', 'undated-plant', 'old-association', 'old-policy']);
  const records = Object.fromEntries([...nodes].map(([id, node]) => [id, recordOfNode(node)]));
  expect(records).toEqual({
    'old-plant': {
      id: 'old-plant',
      name: 'Old plant',
      aliases: ['OP'],
      sources: ['src-a'],
      facilityType: 'plant',
      opened: '2009',
      products: ['trucks'],
    },
    'undated-plant': {
      id: 'undated-plant',
      name: 'Undated plant',
      sources: ['src-a'],
      facilityType: 'plant',
    },
    'old-association': {
      id: 'old-association',
      name: 'Old association',
      sources: ['src-a'],
      founded: '1992',
    },
    'old-policy': {
      id: 'old-policy',
      name: 'Old policy',
      sources: ['src-a'],
      policyType: 'agreement',
      startDate: '2020-07-01',
      endDate: '2026',
    },
  });
  for (const node of nodes.values()) {
    for (const old of ['opened', 'founded', 'startDate', 'endDate'])
      expect(node.properties[old] ?? null).toBeNull();
  }
  expect(nodes.get('undated-plant')?.properties).toMatchObject({ openedValues: [], openedSources: [] });
  expect(nodes.get('old-plant')?.properties).toMatchObject({ openedValues: ['2009'], openedSources: [''] });

  // The migrated node takes a second source's date like any other.
  const written = writeFiles({
    'more.jsonl': JSON.stringify({
      kind: 'Plant',
      id: 'old-plant',
      opened: [{ value: '2010', source: 'src-b' }],
    }),
  });
  try {
    await importFiles(store, Object.values(written.paths));
  } finally {
    written.remove();
  }
  const plant = (await findNodes(store, ['old-plant'])).get('old-plant');
  expect(plant && recordOfNode(plant).opened).toEqual([
    { value: '2009' },
    { value: '2010', source: 'src-b' },
  ]);
}

describe('an embedded database of the earlier schema', () => {
  let directory: string;
  beforeEach(() => {
    directory = mkdtempSync(path.join(os.tmpdir(), 'tradegraph-migrate-'));
  });
  afterEach(() => rmSync(directory, { recursive: true, force: true }));

  test('opens, is migrated, keeps its dates, and opens again unchanged', async () => {
    const file = path.join(directory, 'db');
    const database = new Database(file);
    const connection = new Connection(database);
    const schema = readFileSync(
      path.join(__dirname, '..', 'fixtures', 'schema-2026-11', 'embedded.cypher'),
      'utf8',
    );
    for (const statement of [...splitStatements(schema), ...OLD_NODES]) await connection.query(statement);
    await connection.close();
    await database.close();

    const store = await openEmbeddedStore({ directory: file });
    try {
      await expectMigrated(store);
    } finally {
      await store.close();
    }
    const again = await openEmbeddedStore({ directory: file });
    try {
      const plant = (await findNodes(again, ['old-plant'])).get('old-plant');
      expect(plant?.properties).toMatchObject({
        openedValues: ['2009', '2010'],
        openedSources: ['', 'src-b'],
      });
    } finally {
      await again.close();
    }
  });
});

describeNeo4j('a Neo4j database written by the earlier version', (uri) => {
  test('is migrated when a store opens it, and keeps its dates', async () => {
    const { dispose } = await openEmptyStore('neo4j');
    try {
      const driver = neo4j.driver(uri);
      try {
        for (const statement of OLD_NODES) await driver.executeQuery(statement);
      } finally {
        await driver.close();
      }
      const store = await Neo4jStore.open(neo4jTestOptions(uri));
      try {
        await expectMigrated(store);
      } finally {
        await store.close();
      }
    } finally {
      await dispose();
    }
  });
});
