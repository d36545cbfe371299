import type { StoreConfig } from '../config.js';
import { statementsFor } from './catalog.js';
import { CypherCatalog } from './cypher-catalog.js';
import { EmbeddedStore } from './embedded/embedded-store.js';
import type { GraphStore } from './graph-store.js';
import type * as Neo4jAdapter from './neo4j/neo4j-store.js';
import { withReadCache } from './read-cache.js';
import { ensureStatisticKeys } from './statistic-keys.js';

/**
 * Opens the configured store, behind its answer cache when the configuration has one (see
 * src/store/read-cache.ts). Every statement the application runs is resolved first, so a missing
 * Cypher file stops the start-up with its name instead of failing a request later.
 */
export async function openStore(config: StoreConfig): Promise<GraphStore> {
  const store = await openEngine(config);
  // A store made before statistic keys gets them now (rankings read through them); a read-only
  // store's keys were built by the process that opened it read-write first.
  try {
    if (!(config.engine === 'embedded' && config.readOnly)) await ensureStatisticKeys(store);
  } catch (error) {
    await store.close();
    throw error;
  }
  return config.readCache ? withReadCache(store, config.readCache) : store;
}

async function openEngine(config: StoreConfig): Promise<GraphStore> {
  const catalog = CypherCatalog.load(config.engine).verify(statementsFor(config.engine));
  if (config.engine === 'neo4j') {
    return neo4jAdapter().Neo4jStore.open({
      catalog,
      uri: config.uri,
      user: config.user,
      password: config.password,
      ...(config.database ? { database: config.database } : {}),
      queryTimeoutMs: config.queryTimeoutMs,
      writeTimeoutMs: config.writeTimeoutMs,
      ...(config.connectionTimeoutMs === undefined
        ? {}
        : { connectionTimeoutMs: config.connectionTimeoutMs }),
    });
  }
  return EmbeddedStore.open({
    catalog,
    directory: config.directory,
    ...(config.bufferPoolBytes ? { bufferPoolBytes: config.bufferPoolBytes } : {}),
    queryTimeoutMs: config.queryTimeoutMs,
    writeTimeoutMs: config.writeTimeoutMs,
    ...(config.readOnly ? { readOnly: config.readOnly } : {}),
    ...(config.coalesceReads === false ? { coalesceReads: false } : {}),
  });
}

/**
 * The Neo4j adapter, loaded when a Neo4j store is opened: its driver takes about a quarter of a
 * second to load, which every command on the embedded store (the default) would otherwise pay.
 * `require`, not `import()`: this package is CommonJS, and jest's module system has no `import()`.
 */
function neo4jAdapter(): typeof Neo4jAdapter {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('./neo4j/neo4j-store.js') as typeof Neo4jAdapter;
}
