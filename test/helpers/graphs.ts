import { defaultDataDirectory } from '../../src/import/dataset';
import { createTradeGraph, type TradeGraph } from '../../src/trade-graph';
import type { GraphStore } from '../../src/store/graph-store';
import { openLoadedEngineStore, type EngineName, type LoadedStoreOptions } from './engines';
import { openLoadedStore, openTemporaryStore } from './stores';

/**
 * The in-process API over a store of the engine holding the curated dataset (or another): as
 * `createTradeGraph` gives it on an empty store, which it loads (see `openLoadedEngineStore`:
 * a copy of the worker's loaded template on the embedded engine; with `reuse`, a Neo4j suite that
 * only reads may start from what the previous one left, when that is exactly the dataset).
 */
export async function openTestGraph(
  dataDirectory = defaultDataDirectory(),
  engine: EngineName = 'embedded',
  options: LoadedStoreOptions = {},
): Promise<{
  graph: TradeGraph;
  dispose: () => Promise<void>;
}> {
  const { store, dispose } = await openLoadedEngineStore(engine, dataDirectory, options);
  try {
    const graph = await createTradeGraph({ store, dataDirectory });
    return { graph, dispose };
  } catch (error) {
    await dispose();
    throw error;
  }
}

/** Runs an operation and fails the test with the errors when there are any. */
export async function query<T = Record<string, unknown>>(
  graph: TradeGraph,
  text: string,
  variables?: Record<string, unknown>,
): Promise<T> {
  const result = await graph.execute(text, variables);
  if (result.errors) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors, null, 2)}`);
  return result.data as T;
}

/** A store that counts the statements it runs, to prove batching. */
export function countingStore(inner: GraphStore): GraphStore & { calls: string[] } {
  const calls: string[] = [];
  return {
    engine: inner.engine,
    calls,
    read: (statement, params) => {
      calls.push(statement.name);
      return inner.read(statement, params);
    },
    transaction: (work) => inner.transaction(work),
    health: () => inner.health(),
    close: () => inner.close(),
  };
}

/**
 * A fresh embedded store behind a counting one: `calls` lists every statement read. Empty, or
 * holding a dataset directory (a copy of the worker's loaded template, see `openLoadedStore`).
 */
export async function openCountingStore(dataDirectory?: string): Promise<{
  store: GraphStore & { calls: string[] };
  calls: string[];
  dispose: () => Promise<void>;
}> {
  const opened = await (dataDirectory === undefined ? openTemporaryStore() : openLoadedStore(dataDirectory));
  const store = countingStore(opened.store);
  return { store, calls: store.calls, dispose: opened.dispose };
}
