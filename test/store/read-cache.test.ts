import { readConfig } from '../../src/config';
import { createTradeGraph } from '../../src/trade-graph';
import { getMeta, setMeta, upsertStatements } from '../../src/store/catalog';
import type { EmbeddedStore } from '../../src/store/embedded/embedded-store';
import type { GraphStore } from '../../src/store/graph-store';
import { CachedStore, withReadCache } from '../../src/store/read-cache';
import type { Statement } from '../../src/store/statements';
import type { Params, Row } from '../../src/store/values';
import { FIXTURE_DATASET, openLoadedStore } from '../helpers/stores';

/** The store with every read it passes on counted by statement name. */
function counted(inner: GraphStore): { store: GraphStore; reads: string[] } {
  const reads: string[] = [];
  const store: GraphStore = {
    engine: inner.engine,
    read: <P extends Params, R extends Row>(statement: Statement<P, R>, params: P) => {
      reads.push(statement.name);
      return inner.read(statement, params);
    },
    transaction: (work) => inner.transaction(work),
    health: () => inner.health(),
    close: () => inner.close(),
  };
  return { store, reads };
}

describe('the read cache', () => {
  let embedded: EmbeddedStore;
  let dispose: () => Promise<void>;

  beforeAll(async () => {
    ({ store: embedded, dispose } = await openLoadedStore());
  });
  afterAll(async () => dispose());

  test('answers a repeated read from memory, with equal rows', async () => {
    const { store, reads } = counted(embedded);
    const cached = new CachedStore(store);
    await embedded.transaction((tx) => tx.run(setMeta, { key: 'cache.a', value: 'one' }));
    const first = await cached.read(getMeta, { key: 'cache.a' });
    const second = await cached.read(getMeta, { key: 'cache.a' });
    expect(second).toEqual(first);
    expect(first).toEqual([{ value: 'one' }]);
    expect(reads).toEqual(['get-meta']);
    expect(cached.stats()).toMatchObject({ hits: 1, misses: 1, entries: 1 });
    // Other parameters are another answer.
    await cached.read(getMeta, { key: 'cache.b' });
    expect(reads).toEqual(['get-meta', 'get-meta']);
  });

  test('a write makes the next read see the new data', async () => {
    const cached = new CachedStore(embedded);
    await cached.transaction((tx) => tx.run(setMeta, { key: 'cache.w', value: 'before' }));
    expect(await cached.read(getMeta, { key: 'cache.w' })).toEqual([{ value: 'before' }]);
    await cached.transaction((tx) => tx.run(setMeta, { key: 'cache.w', value: 'after' }));
    expect(await cached.read(getMeta, { key: 'cache.w' })).toEqual([{ value: 'after' }]);
  });

  test('a transaction that fails still empties the cache', async () => {
    const cached = new CachedStore(embedded);
    await cached.read(getMeta, { key: 'cache.f' });
    await expect(
      cached.transaction(async () => {
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(cached.stats().entries).toBe(0);
  });

  test('a read that overlaps a transaction is not kept', async () => {
    const { store, reads } = counted(embedded);
    const cached = new CachedStore(store);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const writing = cached.transaction(async (tx) => {
      await tx.run(setMeta, { key: 'cache.o', value: 'during' });
      await held;
    });
    await cached.read(getMeta, { key: 'cache.o' });
    release();
    await writing;
    expect(await cached.read(getMeta, { key: 'cache.o' })).toEqual([{ value: 'during' }]);
    expect(reads).toEqual(['get-meta', 'get-meta']);
  });

  test('identical reads at the same time share one call', async () => {
    const { store, reads } = counted(embedded);
    const cached = new CachedStore(store);
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => cached.read(getMeta, { key: 'cache.same' })),
    );
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    expect(reads).toEqual(['get-meta']);
    expect(cached.stats().joined).toBe(4);
  });

  test('is bounded by entries and by bytes, least recently used out first', async () => {
    const { store, reads } = counted(embedded);
    const cached = new CachedStore(store, { maxEntries: 2, maxBytes: 1024 ** 2 });
    await cached.read(getMeta, { key: 'k1' });
    await cached.read(getMeta, { key: 'k2' });
    await cached.read(getMeta, { key: 'k1' }); // k1 is now the most recently used
    await cached.read(getMeta, { key: 'k3' }); // evicts k2
    expect(cached.stats().entries).toBe(2);
    await cached.read(getMeta, { key: 'k1' });
    expect(reads).toEqual(['get-meta', 'get-meta', 'get-meta']);
    await cached.read(getMeta, { key: 'k2' });
    expect(reads).toHaveLength(4);

    const tiny = new CachedStore(embedded, { maxEntries: 100, maxBytes: 1024 });
    for (let i = 0; i < 20; i += 1) await tiny.read(getMeta, { key: `key-${i}` });
    expect(tiny.stats().bytes).toBeLessThanOrEqual(1024);
    expect(tiny.stats().entries).toBeLessThan(20);
  });

  test('is off with no entries, and on by default for the embedded engine only', () => {
    expect(withReadCache(embedded, { maxEntries: 0, maxBytes: 1024 })).toBe(embedded);
    expect(withReadCache(embedded)).toBeInstanceOf(CachedStore);
    const embeddedConfig = readConfig({ TRADEGRAPH_DB_DIR: '/tmp/x' }).store;
    expect(embeddedConfig.readCache).toEqual({ maxEntries: 10_000, maxBytes: 64 * 1024 ** 2 });
    expect(readConfig({ NEO4J_URI: 'bolt://localhost:7687' }).store.readCache?.maxEntries).toBe(0);
    expect(
      readConfig({ TRADEGRAPH_READ_CACHE_ENTRIES: '0', TRADEGRAPH_READ_CACHE_MB: '8' }).store.readCache,
    ).toEqual({ maxEntries: 0, maxBytes: 8 * 1024 ** 2 });
  });

  test('through GraphQL: an entity changed by a write is read anew', async () => {
    const cached = new CachedStore(embedded);
    const graph = await createTradeGraph({ store: cached, dataDirectory: FIXTURE_DATASET });
    const query = '{ company(id: "alpha-trucks") { name } }';
    expect((await graph.execute(query)).data).toEqual({ company: { name: 'Alpha Trucks' } });
    expect((await graph.execute(query)).data).toEqual({ company: { name: 'Alpha Trucks' } });
    expect(cached.stats().hits).toBeGreaterThan(0);
    const row = {
      id: 'alpha-trucks',
      name: 'Alpha Trucks Renamed',
      aliases: [],
      description: null,
      wikidata: null,
      sources: ['fx-report-2026'],
      searchText: '|alpha trucks renamed|',
      companyType: 'manufacturer',
    };
    await cached.transaction((tx) => tx.run(upsertStatements.Company, { rows: [row] }));
    expect((await graph.execute(query)).data).toEqual({ company: { name: 'Alpha Trucks Renamed' } });
  });
});
