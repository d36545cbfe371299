import neo4j, { type Driver } from 'neo4j-driver';
import { countNodes, shortestPaths, upsertStatements } from '../../../src/store/catalog.js';
import { nodesOfKind } from '../../../src/store/generated-statements.js';
import { CypherCatalog } from '../../../src/store/cypher-catalog.js';
import { StoreQueryError, StoreTimeoutError, StoreUnavailableError } from '../../../src/store/errors.js';
import { Neo4jStore } from '../../../src/store/neo4j/neo4j-store.js';
import { describeStoreContract } from '../../helpers/store-contract.js';

/*
 * The shared store contract against a real Neo4j server, when NEO4J_URI names one:
 *   NEO4J_URI=bolt://localhost:7687 NEO4J_PASSWORD=… npx jest test/store/neo4j
 * The contract EMPTIES the database it is given before loading the test fixture: never point
 * it at a database holding data you want to keep (use NEO4J_DATABASE for a scratch database).
 */
const uri = process.env.NEO4J_URI;

if (uri) {
  describeStoreContract('neo4j', () =>
    Neo4jStore.open({
      uri,
      user: process.env.NEO4J_USER || 'neo4j',
      password: process.env.NEO4J_PASSWORD ?? '',
      ...(process.env.NEO4J_DATABASE ? { database: process.env.NEO4J_DATABASE } : {}),
      queryTimeoutMs: 30_000,
    }),
  );
} else {
  const reason = 'Neo4j integration suite skipped: NEO4J_URI is not set';
  console.warn(reason);
  test.skip(reason, () => undefined);
}

describe('Neo4j store without a server', () => {
  const password = 'do-not-print-this-secret';

  async function openFailure(target: string): Promise<{ error: unknown; elapsedMs: number }> {
    const started = Date.now();
    const error = await Neo4jStore.open({
      uri: target,
      user: 'neo4j',
      password,
      connectionTimeoutMs: 2000,
    }).then(
      async (store) => {
        await store.close();
        return null;
      },
      (rejection: unknown) => rejection,
    );
    return { error, elapsedMs: Date.now() - started };
  }

  test('opening against a closed port fails fast as unavailable, naming the URI but not the password', async () => {
    const { error, elapsedMs } = await openFailure('bolt://127.0.0.1:1');
    expect(error).toBeInstanceOf(StoreUnavailableError);
    const message = (error as Error).message;
    expect(message).toContain('bolt://127.0.0.1:1');
    expect(message).not.toContain(password);
    expect(elapsedMs).toBeLessThan(5000);
  });

  test('credentials written into the URI stay out of the error', async () => {
    const { error } = await openFailure(`bolt://neo4j:${password}@127.0.0.1:1`);
    expect(error).toBeInstanceOf(StoreUnavailableError);
    const message = (error as Error).message;
    expect(message).toContain('bolt://127.0.0.1:1');
    expect(message).not.toContain(password);
  });
});

/**
 * A stand-in for the driver that records what the store asks of it, so session modes,
 * transaction boundaries, batching and error mapping are checked without a server.
 */
class FakeDriver {
  readonly sessions: { defaultAccessMode?: string; database?: string }[] = [];
  readonly readConfigs: unknown[] = [];
  readonly beginConfigs: unknown[] = [];
  readonly runs: { text: string; params: Record<string, unknown> | undefined; in: string }[] = [];
  readonly outcomes: string[] = [];
  /** Rows the next read returns, and the error the next statement run throws. */
  records: InstanceType<typeof neo4j.types.Record>[] = [];
  failNext: Error | null = null;
  closed = false;

  private tx(kind: string) {
    return {
      run: async (text: string, params?: Record<string, unknown>) => {
        this.runs.push({ text, params, in: kind });
        const failure = this.failNext;
        this.failNext = null;
        if (failure) throw failure;
        return { records: this.records, summary: { server: { agent: 'Neo4j/5.26.0' } } };
      },
      commit: async () => void this.outcomes.push('commit'),
      rollback: async () => void this.outcomes.push('rollback'),
    };
  }

  async verifyConnectivity(): Promise<void> {}

  session(config: { defaultAccessMode?: string; database?: string }) {
    this.sessions.push(config);
    return {
      executeRead: async <T>(work: (tx: unknown) => Promise<T>, txConfig: unknown) => {
        this.readConfigs.push(txConfig);
        return work(this.tx('read'));
      },
      executeWrite: async <T>(work: (tx: unknown) => Promise<T>) => work(this.tx('schema')),
      beginTransaction: async (txConfig: unknown) => {
        this.beginConfigs.push(txConfig);
        return this.tx('write');
      },
      run: (text: string, params: Record<string, unknown>) => this.tx('auto').run(text, params),
      close: async () => undefined,
    };
  }

  async close(): Promise<void> {
    this.closed = true;
  }
}

describe('Neo4j store against a fake driver', () => {
  const catalog = CypherCatalog.load('neo4j');
  let fake: FakeDriver;
  let store: Neo4jStore;

  beforeEach(async () => {
    fake = new FakeDriver();
    jest.spyOn(neo4j, 'driver').mockReturnValue(fake as unknown as Driver);
    store = await Neo4jStore.open({
      uri: 'bolt://fake:7687',
      user: 'neo4j',
      password: 'secret-password',
      database: 'trade',
      queryTimeoutMs: 1234,
      batchSize: 2,
    });
  });

  afterEach(async () => {
    await store.close();
    jest.restoreAllMocks();
  });

  test('opening runs every schema statement once', () => {
    expect(fake.runs.filter((run) => run.in === 'schema').map((run) => run.text)).toEqual(catalog.schema);
  });

  test('a read runs in a READ session of the database, with the timeout, and maps its rows', async () => {
    fake.records = [new neo4j.types.Record(['kind', 'count'], ['Company', neo4j.int(3)])];
    expect(await store.read(countNodes, {})).toEqual([{ kind: 'Company', count: 3 }]);
    expect(fake.sessions.at(-1)).toEqual({ defaultAccessMode: neo4j.session.READ, database: 'trade' });
    expect(fake.readConfigs).toEqual([{ timeout: 1234 }]);
    expect(fake.runs.at(-1)).toEqual({ text: catalog.text('count-nodes'), params: {}, in: 'read' });
  });

  test('a read sends LIMIT values as integers', async () => {
    await store.read(shortestPaths, { from: 'a', to: 'b', maxLength: 4, limit: 10 });
    const params = fake.runs.at(-1)?.params ?? {};
    expect(neo4j.isInt(params.limit) && neo4j.isInt(params.maxLength)).toBe(true);
  });

  test('a transaction commits once its work resolves, sending batches in chunks', async () => {
    const rows = ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id, name: id }));
    const result = await store.transaction(async (tx) => {
      await tx.runBatch(upsertStatements.Company, rows);
      return 'done';
    });
    expect(result).toBe('done');
    expect(fake.sessions.at(-1)).toEqual({ defaultAccessMode: neo4j.session.WRITE, database: 'trade' });
    expect(fake.beginConfigs).toEqual([{ timeout: 1234 }]);
    const writes = fake.runs.filter((run) => run.in === 'write');
    expect(writes.map((run) => (run.params?.rows as unknown[]).length)).toEqual([2, 2, 1]);
    expect(fake.outcomes).toEqual(['commit']);
  });

  test('a transaction rolls back when its work throws, and rethrows', async () => {
    const failure = new Error('interrupted on purpose');
    await expect(
      store.transaction(async (tx) => {
        await tx.run(upsertStatements.Company, { rows: [] });
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect(fake.outcomes).toEqual(['rollback']);
  });

  test('driver errors map to store errors', async () => {
    fake.failNext = new neo4j.Neo4jError(
      'terminated',
      'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration',
      '25N06',
      'timed out',
    );
    await expect(store.read(nodesOfKind('Company'), { ids: ['x'] })).rejects.toBeInstanceOf(
      StoreTimeoutError,
    );

    fake.failNext = new neo4j.Neo4jError('gone', neo4j.error.SERVICE_UNAVAILABLE, '08000', 'unavailable');
    await expect(store.read(nodesOfKind('Company'), { ids: ['x'] })).rejects.toBeInstanceOf(
      StoreUnavailableError,
    );

    fake.failNext = new neo4j.Neo4jError(
      'Invalid input secret-password',
      'Neo.ClientError.Statement.SyntaxError',
      '42001',
      'syntax error',
    );
    const error = await store
      .transaction((tx) => tx.run(upsertStatements.Company, { rows: [] }))
      .catch((rejection: unknown) => rejection);
    expect(error).toBeInstanceOf(StoreQueryError);
    expect(error).toMatchObject({ statement: 'upsert-company' });
    expect((error as Error).message).not.toContain('secret-password');
    expect(fake.outcomes).toEqual(['rollback']);
  });

  test('health pings the server; a closed store is unhealthy and refuses work', async () => {
    expect(await store.health()).toEqual({
      engine: 'neo4j',
      ok: true,
      detail: 'Neo4j/5.26.0 at bolt://fake:7687 (database trade)',
    });
    await store.close();
    expect(fake.closed).toBe(true);
    expect(await store.health()).toMatchObject({ ok: false });
    await expect(store.read(countNodes, {})).rejects.toBeInstanceOf(StoreUnavailableError);
  });
});
