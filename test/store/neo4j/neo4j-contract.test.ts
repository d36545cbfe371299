import neo4j from 'neo4j-driver';
import { countNodes, upsertStatements } from '../../../src/store/catalog.js';
import { nodesOfKind } from '../../../src/store/generated-statements.js';
import { CypherCatalog } from '../../../src/store/cypher-catalog.js';
import { StoreQueryError, StoreUnavailableError } from '../../../src/store/errors.js';
import { Neo4jStore, toNeo4jParams } from '../../../src/store/neo4j/neo4j-store.js';
import { describeNeo4j, lockNeo4j, neo4jTestOptions } from '../../helpers/engines.js';
import { describeStoreContract } from '../../helpers/store-contract.js';

/*
 * The shared store contract against a real Neo4j server: the one jest's global setup started for
 * this worker (Maven launcher), or NEO4J_URI's. Without either it is skipped with the reason.
 * The contract EMPTIES the database it is given before loading the test fixture: never point
 * NEO4J_URI at a database holding data you want to keep.
 */
describeNeo4j('Neo4j store on a real server', (uri) => {
  let release: () => void = () => undefined;
  beforeAll(async () => {
    release = await lockNeo4j(uri);
  }, 15 * 60_000);
  afterAll(() => release());

  describeStoreContract('neo4j', () => Neo4jStore.open(neo4jTestOptions(uri)));

  describe('the adapter', () => {
    const catalog = CypherCatalog.load('neo4j');
    let store: Neo4jStore;
    beforeAll(async () => {
      store = await Neo4jStore.open(neo4jTestOptions(uri, { batchSize: 2 }));
    });
    afterAll(async () => store.close());

    test('opening creates every constraint and index of the schema file', async () => {
      const driver = neo4j.driver(uri);
      try {
        const named = (text: string): string[] =>
          catalog.schema
            .map((statement) => new RegExp(text).exec(statement)?.[1])
            .filter((name): name is string => name !== undefined);
        expect(named('CREATE CONSTRAINT (\\w+)')).toHaveLength(13); // 11 kinds, StatisticKey, Meta
        expect(named('CREATE (?:FULLTEXT )?INDEX (\\w+)')).toHaveLength(2);
        const { records: constraints } = await driver.executeQuery('SHOW CONSTRAINTS YIELD name');
        const { records: indexes } = await driver.executeQuery('SHOW INDEXES YIELD name');
        expect(constraints.map((r) => r.get('name') as string)).toEqual(
          expect.arrayContaining(named('CREATE CONSTRAINT (\\w+)')),
        );
        expect(indexes.map((r) => r.get('name') as string)).toEqual(
          expect.arrayContaining(named('CREATE (?:FULLTEXT )?INDEX (\\w+)')),
        );
      } finally {
        await driver.close();
      }
    });

    test('counts come back as JavaScript numbers, not driver integers', async () => {
      const rows = await store.read(countNodes, {});
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) expect(typeof row.count).toBe('number');
    });

    test('counting parameters go as integers: LIMIT refuses the float a JavaScript number becomes', async () => {
      expect(neo4j.isInt(toNeo4jParams({ limit: 3 }).limit)).toBe(true);
      const driver = neo4j.driver(uri);
      try {
        await expect(driver.executeQuery('RETURN 1 AS one LIMIT $limit', { limit: 3 })).rejects.toThrow(
          /LIMIT/,
        );
        const { records } = await driver.executeQuery(
          'UNWIND range(1, 10) AS n RETURN n LIMIT $limit',
          toNeo4jParams({ limit: 3 }),
        );
        expect(records).toHaveLength(3);
      } finally {
        await driver.close();
      }
    });

    test('a read runs in a READ session: a write statement there is refused and writes nothing', async () => {
      const row = {
        id: 'read-session-write',
        name: 'Should Not Exist',
        aliases: [],
        description: null,
        wikidata: null,
        sources: [],
        searchText: '|should not exist|',
        companyType: 'other',
      };
      await expect(store.read(upsertStatements.Company, { rows: [row] })).rejects.toBeInstanceOf(
        StoreQueryError,
      );
      expect(await store.read(nodesOfKind('Company'), { ids: ['read-session-write'] })).toEqual([]);
    });

    test('a batch larger than the batch size is sent in chunks, all in one transaction', async () => {
      const ids = ['chunk-a', 'chunk-b', 'chunk-c', 'chunk-d', 'chunk-e'];
      const rows = ids.map((id) => ({
        id,
        name: id,
        aliases: [],
        description: null,
        wikidata: null,
        sources: [],
        searchText: `|${id}|`,
        companyType: 'other',
      }));
      await expect(
        store.transaction(async (tx) => {
          await tx.runBatch(upsertStatements.Company, rows);
          throw new Error('interrupted after the chunks');
        }),
      ).rejects.toThrow('interrupted after the chunks');
      expect(await store.read(nodesOfKind('Company'), { ids })).toEqual([]);
      await store.transaction((tx) => tx.runBatch(upsertStatements.Company, rows));
      const found = await store.read(nodesOfKind('Company'), { ids });
      expect(found).toHaveLength(5);
    });

    test('health names the server; a closed store is unhealthy and refuses work', async () => {
      const other = await Neo4jStore.open(neo4jTestOptions(uri));
      expect(await other.health()).toEqual({
        engine: 'neo4j',
        ok: true,
        detail: `Neo4j/5.26.0 at ${uri}`,
      });
      await other.close();
      expect(await other.health()).toMatchObject({ ok: false, detail: 'closed' });
      await expect(other.read(countNodes, {})).rejects.toBeInstanceOf(StoreUnavailableError);
    });
  });
});

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
