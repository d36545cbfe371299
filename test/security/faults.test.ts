import net from 'node:net';
import type { Config } from '../../src/config';
import { startServer, type RunningServer } from '../../src/server/server';
import { countNodes } from '../../src/store/catalog';
import { StoreTimeoutError, StoreUnavailableError } from '../../src/store/errors';
import type { GraphStore, StoreHealth, WriteTransaction } from '../../src/store/graph-store';
import { ResilientStore } from '../../src/store/resilient-store';
import { describeNeo4j, neo4jTestOptions, openEmptyStore, type OpenedStore } from '../helpers/engines';
import { startFaultProxy, type FaultProxy } from '../helpers/fault-proxy';
import { INTERNAL_DETAIL, post, testConfig } from './support/http';

const PASSWORD = 'do-not-print-this-password';

/** Waits until `check` holds, polling; fails after `timeoutMs`. */
async function until(check: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  // A check that throws (a connection reset while a server restarts) counts as not yet.
  while (
    !(await Promise.resolve()
      .then(check)
      .catch(() => false))
  ) {
    if (Date.now() > deadline) throw new Error(`still not true after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** A store whose server can be switched off, or made to hang. */
class FakeStore implements GraphStore {
  readonly engine = 'neo4j' as const;
  down = false;
  silent = false;
  reads = 0;
  closed = false;

  async read<R>(): Promise<R[]> {
    this.reads += 1;
    if (this.silent) return new Promise<R[]>(() => undefined);
    if (this.down) throw new StoreUnavailableError('connection refused');
    return [];
  }

  async transaction<T>(work: (tx: WriteTransaction) => Promise<T>): Promise<T> {
    if (this.down) throw new StoreUnavailableError('connection refused');
    return work({ run: async () => [], runBatch: async () => undefined });
  }

  async health(): Promise<StoreHealth> {
    if (this.silent) return new Promise<StoreHealth>(() => undefined);
    return { engine: 'neo4j', ok: !this.down, detail: this.down ? 'connection refused' : 'fine' };
  }

  async close(): Promise<void> {
    this.closed = true;
  }
}

describe('Reconnecting store', () => {
  const stores: ResilientStore[] = [];
  afterAll(async () => {
    for (const store of stores) await store.close();
  });

  function start(open: () => Promise<GraphStore>, options: { readDeadlineMs?: number } = {}): ResilientStore {
    const store = ResilientStore.start({
      engine: 'neo4j',
      target: 'Neo4j at bolt://db:7687',
      open,
      retryDelayMs: 20,
      maxRetryDelayMs: 80,
      healthTimeoutMs: 200,
      ...options,
    });
    stores.push(store);
    return store;
  }

  test('retries opening with backoff until it succeeds', async () => {
    const inner = new FakeStore();
    const attempts: number[] = [];
    const store = start(async () => {
      attempts.push(Date.now());
      if (attempts.length < 4) throw new StoreUnavailableError('connection refused');
      return inner;
    });
    await expect(store.read(countNodes, {})).rejects.toBeInstanceOf(StoreUnavailableError);
    await until(() => attempts.length >= 2);
    expect(await store.health()).toEqual({
      engine: 'neo4j',
      ok: false,
      detail: expect.stringMatching(
        /^Neo4j at bolt:\/\/db:7687: not connected after \d attempt\(s\), retrying \(connection refused\)$/,
      ),
    });
    await store.ready();
    expect(attempts).toHaveLength(4);
    // Backoff: each wait at least as long as the one before (20, 40, 80 ms).
    const waits = attempts.slice(1).map((at, i) => at - (attempts[i] ?? at));
    expect(waits[2]).toBeGreaterThanOrEqual(70);
    await expect(store.read(countNodes, {})).resolves.toEqual([]);
    expect(await store.health()).toMatchObject({ ok: true });
  });

  test('a store that goes away fails fast and comes back by itself', async () => {
    const inner = new FakeStore();
    const store = start(async () => inner);
    await store.ready();
    inner.down = true;
    await expect(store.read(countNodes, {})).rejects.toBeInstanceOf(StoreUnavailableError);
    expect(store.status).toBe('down');
    const readsWhenDown = inner.reads;
    // While down, calls fail without waiting on the server.
    await expect(store.read(countNodes, {})).rejects.toThrow('Neo4j at bolt://db:7687 is unavailable');
    await expect(store.transaction(async () => 1)).rejects.toBeInstanceOf(StoreUnavailableError);
    expect(inner.reads).toBe(readsWhenDown);
    expect(await store.health()).toMatchObject({
      ok: false,
      detail: expect.stringMatching(/unavailable since .* retrying/),
    });
    inner.down = false;
    await until(() => store.status === 'up');
    await expect(store.read(countNodes, {})).resolves.toEqual([]);
  });

  test('a failing health check takes the store out of service', async () => {
    const inner = new FakeStore();
    const store = start(async () => inner);
    await store.ready();
    inner.down = true;
    expect(await store.health()).toMatchObject({ ok: false });
    expect(store.status).toBe('down');
    inner.down = false;
    await until(() => store.status === 'up');
  });

  test('a read with no answer fails at the deadline', async () => {
    const inner = new FakeStore();
    const store = start(async () => inner, { readDeadlineMs: 100 });
    await store.ready();
    inner.silent = true;
    const started = Date.now();
    await expect(store.read(countNodes, {})).rejects.toBeInstanceOf(StoreTimeoutError);
    expect(Date.now() - started).toBeLessThan(1_000);
    await until(() => store.status === 'down');
    inner.silent = false;
    await until(() => store.status === 'up');
  });

  test('a store that cannot be prepared is reopened', async () => {
    const opened: FakeStore[] = [];
    let preparations = 0;
    const store = ResilientStore.start({
      engine: 'neo4j',
      target: 'Neo4j at bolt://db:7687',
      open: async () => {
        const inner = new FakeStore();
        opened.push(inner);
        return inner;
      },
      prepare: async () => {
        preparations += 1;
        if (preparations < 3) throw new StoreUnavailableError('lost the connection while loading');
      },
      retryDelayMs: 10,
    });
    stores.push(store);
    await store.ready();
    expect(opened.map((inner) => inner.closed)).toEqual([true, true, false]);
  });

  test('closing stops retries and closes a late-opened store', async () => {
    let release!: (store: GraphStore) => void;
    const late = new FakeStore();
    let attempts = 0;
    const store = ResilientStore.start({
      engine: 'neo4j',
      target: 'Neo4j at bolt://db:7687',
      open: () => {
        attempts += 1;
        return new Promise<GraphStore>((resolve) => (release = resolve));
      },
      retryDelayMs: 10,
    });
    await store.close();
    release(late);
    await until(() => late.closed);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(attempts).toBe(1);
    expect(await store.health()).toMatchObject({ ok: false, detail: 'Neo4j at bolt://db:7687: closed' });
    await expect(store.read(countNodes, {})).rejects.toBeInstanceOf(StoreUnavailableError);
  });
});

/** Configuration for a Neo4j server at `uri`, with a short connection timeout. */
function neo4jConfig(uri: string): Config {
  return testConfig({
    store: {
      engine: 'neo4j',
      uri,
      user: 'neo4j',
      password: PASSWORD,
      queryTimeoutMs: 2_000,
      connectionTimeoutMs: 500,
    },
  });
}

async function closedPort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/** A TCP listener that accepts connections and then drops them (or, `silent`, never answers). */
async function badListener(
  silent: boolean,
): Promise<{ port: number; accepted: () => number; close: () => Promise<void> }> {
  let accepted = 0;
  const sockets = new Set<net.Socket>();
  const listener = net.createServer((socket) => {
    accepted += 1;
    sockets.add(socket);
    socket.on('error', () => undefined);
    if (!silent) socket.destroy();
  });
  await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
  return {
    port: (listener.address() as net.AddressInfo).port,
    accepted: () => accepted,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => listener.close(() => resolve()));
    },
  };
}

/** What a client sees of a server whose store is unreachable. */
async function expectDegraded(server: RunningServer, uri: string): Promise<void> {
  const health = await fetch(`${server.url}/health`);
  expect(health.status).toBe(503);
  // Only the state and the engine: the URI and the driver's message stay in the log.
  const report = await health.text();
  expect(JSON.parse(report)).toEqual({ status: 'unavailable', engine: 'neo4j' });
  expect(report).not.toContain(uri);
  expect(report).not.toContain(PASSWORD);

  const started = Date.now();
  const { status, body, text } = await post(server, { query: '{ company(id: "freightliner") { name } }' });
  // Answered at once: a request that waited for the store would take its read deadline (the query
  // timeout, 2 s, plus the connection timeout and 5 s). Not a tighter bound: at load 15 an
  // immediate answer took 1.1 s.
  expect(Date.now() - started).toBeLessThan(2_000);
  expect(status).toBe(200);
  expect(body.errors).toEqual([
    {
      message: 'The graph store is unavailable; try again shortly.',
      locations: [{ line: 1, column: 3 }],
      path: ['company'],
      extensions: { code: 'SERVICE_UNAVAILABLE' },
    },
  ]);
  expect(text).not.toMatch(INTERNAL_DETAIL);
  expect(text).not.toContain('127.0.0.1');
  // What needs no store still answers.
  const metrics = await post(server, { query: '{ metrics { name } }' });
  expect(metrics.status).toBe(200);
  expect(metrics.body.errors).toBeUndefined();
}

describe('Server with Neo4j unreachable', () => {
  test('closed port: server stays up, /health 503, SERVICE_UNAVAILABLE', async () => {
    const uri = `bolt://127.0.0.1:${await closedPort()}`;
    const server = await startServer({ config: neo4jConfig(uri) });
    try {
      await until(async () => (await server.store.health()).detail.includes('attempt'));
      await expectDegraded(server, uri);
    } finally {
      await server.close();
    }
  });

  test('dropping listener: server stays up and keeps retrying', async () => {
    const listener = await badListener(false);
    const uri = `bolt://127.0.0.1:${listener.port}`;
    const server = await startServer({ config: neo4jConfig(uri) });
    try {
      await until(() => listener.accepted() >= 2);
      await expectDegraded(server, uri);
    } finally {
      await server.close();
      await listener.close();
    }
  });

  test('silent listener: connection timeout applies, requests do not wait', async () => {
    const listener = await badListener(true);
    const uri = `bolt://127.0.0.1:${listener.port}`;
    const server = await startServer({ config: neo4jConfig(uri) });
    try {
      await until(async () => /after \d+ attempt/.test((await server.store.health()).detail));
      await expectDegraded(server, uri);
    } finally {
      await server.close();
      await listener.close();
    }
  });
});

/** Resolves when a TCP connection to `port` on loopback opens, rejects with the socket's error when it does not. */
function connectTo(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => {
      socket.destroy();
      resolve();
    });
    socket.once('error', reject);
  });
}

/*
 * This worker's real Neo4j (test/helpers/engines.ts) behind a fault proxy (test/helpers/fault-proxy.ts):
 * stopping the proxy closes every connection the driver holds and refuses new ones, which is what
 * the driver meets when the Neo4j process dies; starting it again is Neo4j back on the same
 * address with the same data. Not a Neo4j of this suite's own, killed and restarted: that was two
 * JVM starts, most of this suite's time, and what it covered beyond this is said in test/README.md.
 */
describeNeo4j("Neo4j coming back (the worker's real server behind a proxy that drops and refuses)", (uri) => {
  let held: OpenedStore | undefined;
  let proxy: FaultProxy | undefined;
  let server: RunningServer;
  const freightliner = '{ company(id: "freightliner") { name } }';

  beforeAll(async () => {
    // This suite's turn on the server, emptied: the API server must load the dataset itself. The
    // turn leaves no reuse hint, so the next suite on this server loads its own.
    held = await openEmptyStore('neo4j');
    const target = new URL(uri);
    proxy = await startFaultProxy({
      target: { host: target.hostname, port: Number(target.port || 7687) },
      listening: false,
    });
    const { user, password, database } = neo4jTestOptions(uri);
    server = await startServer({
      config: testConfig({
        store: {
          engine: 'neo4j',
          // Plain Bolt to the proxy, which passes the bytes on unchanged.
          uri: `bolt://127.0.0.1:${proxy.port}`,
          user,
          password,
          ...(database ? { database } : {}),
          queryTimeoutMs: 10_000,
          writeTimeoutMs: 120_000,
          connectionTimeoutMs: 1_000,
        },
      }),
    });
  });
  afterAll(async () => {
    await server?.close();
    await proxy?.stop();
    await held?.dispose();
  });

  test('Neo4j down at start: SERVICE_UNAVAILABLE, then serving the dataset once it is up', async () => {
    expect((await fetch(`${server.url}/health`)).status).toBe(503);
    const before = await post(server, { query: freightliner });
    expect(before.body.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
    await proxy!.start();
    await (server.store as ResilientStore).ready();
    const health = await fetch(`${server.url}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok', engine: 'neo4j' });
    const after = await post(server, { query: freightliner });
    expect(after.body.errors).toBeUndefined();
    expect(after.body.data).toEqual({ company: { name: 'Freightliner' } });
  }, 180_000);

  test('Neo4j killed mid-run: fails fast with SERVICE_UNAVAILABLE, recovers by itself when it restarts', async () => {
    expect(proxy?.listening).toBe(true);
    expect(proxy!.open).toBeGreaterThan(0);
    await proxy!.stop();
    expect(proxy!.open).toBe(0);
    await expect(connectTo(proxy!.port)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    const started = Date.now();
    const during = await post(server, { query: freightliner });
    expect(during.body.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
    expect(during.text).not.toMatch(INTERNAL_DETAIL);
    // Not the driver's 30 s of retries: the store gives up after maxRetryTimeMs (3 s), plus a loaded machine's slack.
    expect(Date.now() - started).toBeLessThan(15_000);
    await until(async () => (await fetch(`${server.url}/health`)).status === 503);
    const fast = Date.now();
    const again = await post(server, { query: freightliner });
    expect(again.body.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
    expect(Date.now() - fast).toBeLessThan(1_000);

    await proxy!.start();
    await until(async () => (await fetch(`${server.url}/health`)).status === 200, 120_000);
    const after = await post(server, { query: freightliner });
    expect(after.body.errors).toBeUndefined();
    expect(after.body.data).toEqual({ company: { name: 'Freightliner' } });
  }, 180_000);
});
