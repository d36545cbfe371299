import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defaultDataDirectory, loadDataset } from '../../../src/import/dataset';
import { writeDataset } from '../../../src/import/write-dataset';
import { defaultCypherDirectory, CypherCatalog, type Dialect } from '../../../src/store/cypher-catalog';
import type { EmbeddedStoreOptions } from '../../../src/store/embedded/embedded-store';
import { openEmbeddedStore } from '../../helpers/stores';
import type { GraphStore } from '../../../src/store/graph-store';
import type { Neo4jStoreOptions } from '../../../src/store/neo4j/neo4j-store';
import { openEmptyStore, type EngineName } from '../../helpers/engines';
import { readStatement } from '../../../src/store/statements';
import type { GraphEdge, GraphNode, StoreValue } from '../../../src/store/values';

/**
 * Statements the tests need and the application must never have: a whole-graph dump for the
 * checksum, and a statement that runs until the timeout stops it. They live in a copy of the
 * Cypher directory made for the test, so `cypher/` holds only what the application runs.
 */
const TEST_CYPHER: Record<string, string> = {
  // Counts pairs of a 10^10-row cross product by a condition the planner cannot fold away: it
  // burns CPU in fixed memory (two 100k-element lists) until the query timeout interrupts it.
  'test-runaway':
    'UNWIND range(1, 100000) AS a UNWIND range(1, 100000) AS b WITH a, b WHERE (a * b) % 7 = 3 RETURN count(*) AS n',
  // Entities, sources and statistics; the bookkeeping nodes (Meta, StatisticKey) are dumped apart.
  'test-dump-nodes': "MATCH (n) WHERE label(n) <> 'Meta' AND label(n) <> 'StatisticKey' RETURN n AS node",
  'test-dump-nodes.neo4j': 'MATCH (n) WHERE NOT n:Meta AND NOT n:StatisticKey RETURN n AS node',
  'test-dump-meta': 'MATCH (m:Meta) RETURN m.key AS key, m.value AS value',
  'test-dump-statistic-keys': 'MATCH (k:StatisticKey) RETURN k.id AS id, k.statistics AS statistics',
  'test-dump-relationships': 'MATCH (a)-[r]->(b) RETURN a AS startNode, r AS relationship, b AS endNode',
};

export const runaway = readStatement<Record<string, never>, { n: number }>('test-runaway', [], { n: true });
const dumpNodes = readStatement<Record<string, never>, { node: GraphNode }>('test-dump-nodes', [], {
  node: true,
});
const dumpMeta = readStatement<Record<string, never>, { key: string; value: string }>('test-dump-meta', [], {
  key: true,
  value: true,
});
const dumpStatisticKeys = readStatement<Record<string, never>, { id: string; statistics: string[] }>(
  'test-dump-statistic-keys',
  [],
  { id: true, statistics: true },
);
const dumpRelationships = readStatement<Record<string, never>, { relationship: GraphEdge }>(
  'test-dump-relationships',
  [],
  { relationship: true },
);

/** The catalog of an engine plus the test statements, from a temporary copy of `cypher/`. */
export function testCatalog(directory: string, dialect: Dialect = 'embedded'): CypherCatalog {
  const cypher = path.join(directory, 'cypher');
  cpSync(defaultCypherDirectory(), cypher, { recursive: true });
  for (const [name, text] of Object.entries(TEST_CYPHER))
    writeFileSync(path.join(cypher, `${name}.cypher`), text);
  return CypherCatalog.load(dialect, cypher);
}

export interface TestStore {
  readonly store: GraphStore;
  readonly directory: string;
  dispose(): Promise<void>;
}

/**
 * A fresh embedded store, with the test statements, loaded with the curated dataset (or none).
 * `dispose` closes it and deletes its directory.
 */
export async function openTestStore(
  options: Partial<Omit<EmbeddedStoreOptions, 'directory' | 'catalog'>> & {
    dataDirectory?: string | null;
  } = {},
): Promise<TestStore> {
  const directory = mkdtempSync(path.join(os.tmpdir(), 'tradegraph-security-'));
  const { dataDirectory, ...storeOptions } = options;
  const catalog = testCatalog(directory);
  const database = path.join(directory, 'db');
  if (dataDirectory !== null) {
    // Loaded without the test's query timeout: on a busy machine a load statement may take longer
    // than a short timeout meant for runaway reads.
    const loader = await openEmbeddedStore({ directory: database, catalog });
    try {
      await writeDataset(loader, loadDataset(dataDirectory ?? defaultDataDirectory()));
    } finally {
      await loader.close();
    }
  }
  const store = await openEmbeddedStore({ directory: database, catalog, ...storeOptions });
  return {
    store,
    directory,
    dispose: async () => {
      await store.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

/**
 * This worker's Neo4j, with the test statements, emptied and loaded with the curated dataset (or
 * none); held for the suite until `dispose`. Options are the Neo4j store's (timeouts).
 */
export async function openNeo4jTestStore(
  options: Partial<Pick<Neo4jStoreOptions, 'queryTimeoutMs' | 'writeTimeoutMs'>> & {
    dataDirectory?: string | null;
  } = {},
): Promise<TestStore> {
  const directory = mkdtempSync(path.join(os.tmpdir(), 'tradegraph-security-'));
  const { dataDirectory, ...storeOptions } = options;
  try {
    // Writes keep a long bound unless asked: a load may take longer than a short read timeout.
    const opened = await openEmptyStore('neo4j', {
      catalog: testCatalog(directory, 'neo4j'),
      writeTimeoutMs: 120_000,
      ...storeOptions,
    });
    const dispose = async (): Promise<void> => {
      await opened.dispose();
      rmSync(directory, { recursive: true, force: true });
    };
    if (dataDirectory !== null) {
      await writeDataset(opened.store, loadDataset(dataDirectory ?? defaultDataDirectory())).catch(
        async (error: unknown) => {
          await dispose();
          throw error;
        },
      );
    }
    return { store: opened.store, directory, dispose };
  } catch (error) {
    rmSync(directory, { recursive: true, force: true });
    throw error;
  }
}

/** The test store of an engine: `openTestStore` (embedded) or `openNeo4jTestStore`. */
export function openEngineTestStore(
  engine: EngineName,
  options: { queryTimeoutMs?: number; dataDirectory?: string | null } = {},
): Promise<TestStore> {
  return engine === 'neo4j' ? openNeo4jTestStore(options) : openTestStore(options);
}

/** A value with object keys sorted, so equal graphs print equal. */
function canonical(value: StoreValue): StoreValue {
  if (Array.isArray(value)) return value.map((item: StoreValue) => canonical(item));
  if (value !== null && typeof value === 'object') {
    const sorted: Record<string, StoreValue> = {};
    for (const key of Object.keys(value).sort())
      sorted[key] = canonical((value as Record<string, StoreValue>)[key] ?? null);
    return sorted;
  }
  return value;
}

/**
 * A SHA-256 of the whole graph: every node with its kind and properties, every relationship with
 * its type, ends and properties, and the meta records, each canonicalised and sorted.
 */
export async function graphChecksum(
  store: GraphStore,
): Promise<{ checksum: string; nodes: number; relationships: number }> {
  const nodes = (await store.read(dumpNodes, {})).map((row) => JSON.stringify(canonical(row.node))).sort();
  const relationships = (await store.read(dumpRelationships, {}))
    .map((row) => JSON.stringify(canonical(row.relationship)))
    .sort();
  const meta = (await store.read(dumpMeta, {})).map((row) => `${row.key}=${row.value}`).sort();
  const keys = (await store.read(dumpStatisticKeys, {}))
    .map((row) => `${row.id}=${[...row.statistics].sort().join(',')}`)
    .sort();
  const hash = createHash('sha256');
  for (const line of [...nodes, '--', ...relationships, '--', ...meta, '--', ...keys])
    hash.update(`${line}\n`);
  return { checksum: hash.digest('hex'), nodes: nodes.length, relationships: relationships.length };
}
