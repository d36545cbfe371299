import { readConfig } from '../../../src/config';
import { defaultDataDirectory } from '../../../src/import/dataset';
import { ReadCoalescer } from '../../../src/store/coalesce';
import { StoreTimeoutError } from '../../../src/store/errors';
import type { EmbeddedStore } from '../../../src/store/embedded/embedded-store';
import { listStatement, nodesOfKind } from '../../../src/store/generated-statements';
import { shortestPathsBetween } from '../../../src/store/path-statements';
import { briefRelationsOfKind } from '../../../src/store/relation-statements';
import { EVERY_STATISTIC, statisticsOfKindWithoutEnds } from '../../../src/store/statistic-read-statements';
import type { NamedStatement } from '../../../src/store/coalesce';
import type { Params, Row } from '../../../src/store/values';
import { openLoadedStore } from '../../helpers/stores';

/*
 * Reads of a keyed statement that wait for a connection run as one statement on the union of their
 * keys (src/store/coalesce.ts). On the curated dataset, with one read connection so that every read
 * but the first waits: each caller gets exactly the rows it gets alone, in the same order, and the
 * store says how many statements answered how many reads.
 */

const statisticsOfCountry = statisticsOfKindWithoutEnds('Country');
if (!statisticsOfCountry) throw new Error('no statistics-of-country statement');

const noFilter = EVERY_STATISTIC;

const inAnyOrder = (rows: Row[]): string[] => rows.map((row) => JSON.stringify(row)).sort();

describe('Coalesced reads on the embedded store (curated dataset, one read connection)', () => {
  let store: EmbeddedStore;
  let dispose: () => Promise<void>;
  let companies: string[];

  beforeAll(async () => {
    ({ store, dispose } = await openLoadedStore(defaultDataDirectory(), { readers: 1 }));
    const rows = await store.read(listStatement('Company'), { after: '', limit: 1000 });
    companies = rows.map((row) => String(row.node.properties.id));
  });
  afterAll(async () => dispose());

  test('reads waiting for the connection run as one statement, each given the rows it gets alone', async () => {
    expect(companies.length).toBeGreaterThan(20);
    const asks = [
      ...companies.map((id) => [id]),
      [companies[0] as string, 'no-such-company', companies[1] as string],
      [companies[2] as string, companies[2] as string],
      ['MX'],
      [],
    ];
    const alone: Row[][] = [];
    for (const ids of asks) alone.push(await store.read(briefRelationsOfKind('Company'), { ids }));
    expect(alone.filter((rows) => rows.length > 0).length).toBeGreaterThan(20);

    const before = store.coalescing ?? { statements: 0, reads: 0 };
    const together = await Promise.all(
      asks.map((ids) => store.read(briefRelationsOfKind('Company'), { ids })),
    );
    const after = store.coalescing ?? { statements: 0, reads: 0 };

    // The statement has no ORDER BY: a key's rows come in the engine's order, whatever the keys.
    expect(together.map(inAnyOrder)).toEqual(alone.map(inAnyOrder));
    // The first read took the free connection; every other one waited and joined one statement.
    expect(after.reads - before.reads).toBe(asks.length - 1);
    expect(after.statements - before.statements).toBe(1);
  });

  test('shortest paths towards one end share a statement, and a read the LIMIT may have cut is read alone', async () => {
    const toUsmca = shortestPathsBetween('Company', 'Policy');
    const ask = (from: string, limit: number): Promise<Row[]> =>
      store.read(toUsmca, { froms: [from], to: 'usmca', maxLength: 6, limit });
    // Some starts have fewer shortest paths than the limit (the union answers them), others reach it
    // through the hubs (they are read again alone).
    const alone: Row[][] = [];
    for (const from of companies) alone.push(await ask(from, 50));
    const answered = alone.filter((rows) => rows.length > 0).length;
    const reaching = alone.filter((rows) => rows.length === 50).length;
    expect(answered - reaching).toBeGreaterThan(10);
    expect(reaching).toBeGreaterThan(0);
    let before = store.coalescing ?? { statements: 0, reads: 0 };
    const together = await Promise.all(companies.map((from) => ask(from, 50)));
    let after = store.coalescing ?? { statements: 0, reads: 0 };
    expect(together.map(inAnyOrder)).toEqual(alone.map(inAnyOrder));
    expect(after.statements - before.statements).toBe(1);
    expect(after.reads - before.reads).toBe(companies.length - 1);

    // A limit of one: any start with a path reaches its limit, so it is read again alone and gets
    // exactly what a read alone gets (which path a LIMIT keeps is the engine's choice).
    const first: Row[][] = [];
    for (const from of companies) first.push(await ask(from, 1));
    before = store.coalescing ?? { statements: 0, reads: 0 };
    const limited = await Promise.all(companies.map((from) => ask(from, 1)));
    after = store.coalescing ?? { statements: 0, reads: 0 };
    expect(limited).toEqual(first);
    expect(limited.filter((rows) => rows.length === 1).length).toBe(answered);
    expect(after.statements - before.statements).toBe(1);
  });

  test("a caller asking several keys gets its rows in the statement's order, as alone", async () => {
    const asks = [['US'], ['US', 'MX'], ['MX', 'US', 'CA'], ['MX']];
    const alone: Row[][] = [];
    for (const subjectIds of asks) {
      alone.push(await store.read(statisticsOfCountry, { ...noFilter, subjectIds }));
    }
    expect((alone[2] as Row[]).length).toBeGreaterThan(2);
    const together = await Promise.all(
      asks.map((subjectIds) => store.read(statisticsOfCountry, { ...noFilter, subjectIds })),
    );
    expect(together).toEqual(alone);
  });

  test('reads with different other parameters do not share a statement', async () => {
    const asks = [
      { ...noFilter, subjectIds: ['MX'], metric: 'exports' },
      { ...noFilter, subjectIds: ['MX'], metric: 'production' },
      { ...noFilter, subjectIds: ['MX'], metric: 'exports' },
      { ...noFilter, subjectIds: ['US'], metric: 'tariff_rate' },
      { ...noFilter, subjectIds: ['US', 'MX'], metric: 'production' },
      { ...noFilter, subjectIds: ['MX'], metric: 'exports', periodFrom: '2026-01-01' },
    ];
    const alone: Row[][] = [];
    for (const params of asks) alone.push(await store.read(statisticsOfCountry, params));
    expect(alone.every((rows) => rows.length > 0)).toBe(true);
    const before = store.coalescing ?? { statements: 0, reads: 0 };
    const together = await Promise.all(asks.map((params) => store.read(statisticsOfCountry, params)));
    const after = store.coalescing ?? { statements: 0, reads: 0 };
    expect(together).toEqual(alone);
    // The first ran alone; waiting: exports (1 read), production (2), tariff rates (1), exports
    // from January (1).
    expect(after.reads - before.reads).toBe(5);
    expect(after.statements - before.statements).toBe(4);
  });

  test('a read with a free connection runs alone', async () => {
    const before = store.coalescing;
    for (const id of companies.slice(0, 3)) await store.read(nodesOfKind('Company'), { ids: [id] });
    expect(store.coalescing).toEqual(before);
  });
});

describe('Coalescing turned off (TRADEGRAPH_COALESCE_READS=false, to measure what it gains)', () => {
  test('the setting reaches the store, and any other value is refused by name', () => {
    expect(readConfig({}).store).not.toHaveProperty('coalesceReads');
    expect(readConfig({ TRADEGRAPH_COALESCE_READS: 'false' }).store).toMatchObject({ coalesceReads: false });
    expect(() => readConfig({ TRADEGRAPH_COALESCE_READS: 'no' })).toThrow(/TRADEGRAPH_COALESCE_READS/);
  });

  test('every read then runs on its own', async () => {
    const { store, dispose } = await openLoadedStore(defaultDataDirectory(), {
      readers: 1,
      coalesceReads: false,
    });
    try {
      const asks = [['freightliner'], ['international'], ['freightliner', 'international']];
      const alone: Row[][] = [];
      for (const ids of asks) alone.push(await store.read(nodesOfKind('Company'), { ids }));
      const together = await Promise.all(asks.map((ids) => store.read(nodesOfKind('Company'), { ids })));
      expect(together.map(inAnyOrder)).toEqual(alone.map(inAnyOrder));
      expect(alone[2]).toHaveLength(2);
      expect(store.coalescing).toBeUndefined();
    } finally {
      await dispose();
    }
  });
});

describe('ReadCoalescer: a failed statement', () => {
  const keyed = { ...nodesOfKind('Company'), keyedBy: { param: 'ids', column: 'id' } };

  /** A turn runner that takes its turn on the next tick, like a busy store, and answers each key with a row. */
  function runner(fail: (keys: readonly string[]) => Error | undefined): {
    run: (statement: NamedStatement, params: () => Params) => Promise<Row[]>;
    runs: string[][];
  } {
    const runs: string[][] = [];
    const run = async (_statement: NamedStatement, params: () => Params): Promise<Row[]> => {
      await new Promise((resolve) => setImmediate(resolve));
      const keys = (params().ids as string[]).map(String);
      runs.push(keys);
      const error = fail(keys);
      if (error) throw error;
      return keys.map((id) => ({ id, node: null }));
    };
    return { run, runs };
  }

  test("is run again for each read alone: one caller's keys never fail another's", async () => {
    const { run, runs } = runner((keys) => (keys.includes('bad') ? new Error('bad key') : undefined));
    const coalescer = new ReadCoalescer(run);
    const answers = await Promise.allSettled([
      coalescer.read(keyed, { ids: ['a'] }),
      coalescer.read(keyed, { ids: ['bad'] }),
      coalescer.read(keyed, { ids: ['b', 'c'] }),
    ]);
    expect(answers).toEqual([
      { status: 'fulfilled', value: [{ id: 'a', node: null }] },
      { status: 'rejected', reason: new Error('bad key') },
      {
        status: 'fulfilled',
        value: [
          { id: 'b', node: null },
          { id: 'c', node: null },
        ],
      },
    ]);
    expect(runs).toEqual([['a', 'bad', 'b', 'c'], ['a'], ['bad'], ['b', 'c']]);
  });

  test('fails every read at once when the store timed out (running each again would only add load)', async () => {
    const { run, runs } = runner(() => new StoreTimeoutError('every connection stayed busy'));
    const coalescer = new ReadCoalescer(run);
    const answers = await Promise.allSettled([
      coalescer.read(keyed, { ids: ['a'] }),
      coalescer.read(keyed, { ids: ['b'] }),
    ]);
    expect(answers.map((answer) => answer.status)).toEqual(['rejected', 'rejected']);
    expect(runs).toEqual([['a', 'b']]);
  });

  test('a key list that is not a list is refused by name', async () => {
    const coalescer = new ReadCoalescer(runner(() => undefined).run);
    expect(() => coalescer.read(keyed, { ids: 'a' })).toThrow(
      'statement "nodes-by-ids-company" is keyed by $ids, which was not a list',
    );
  });
});

describe('ReadCoalescer: a statement with a LIMIT', () => {
  const paths = shortestPathsBetween('Company', 'Policy');
  if (!paths.keyedBy?.limit) throw new Error('the path statements should be keyed, with a limit');
  const limited = { ...paths, keyedBy: paths.keyedBy };

  test('runs the union with the limit times its keys, and each list of keys that may be cut once alone', async () => {
    const runs: Params[] = [];
    // Each start has two paths: a limit of one cuts every start's rows.
    const run = async (_statement: NamedStatement, params: () => Params): Promise<Row[]> => {
      await new Promise((resolve) => setImmediate(resolve));
      const asked = params();
      runs.push(asked);
      const rows = (asked.froms as string[]).flatMap((from) => [
        { from, path: `${from}-1` },
        { from, path: `${from}-2` },
      ]);
      return rows.slice(0, Number(asked.limit));
    };
    const coalescer = new ReadCoalescer(run);
    const ask = (from: string, limit: number): Promise<Row[]> =>
      coalescer.read(limited, { froms: [from], to: 'usmca', maxLength: 6, limit });
    // A limit of three holds both paths of every start: the union answers all.
    expect(await Promise.all([ask('a', 3), ask('b', 3)])).toEqual([
      [
        { from: 'a', path: 'a-1' },
        { from: 'a', path: 'a-2' },
      ],
      [
        { from: 'b', path: 'b-1' },
        { from: 'b', path: 'b-2' },
      ],
    ]);
    expect(runs.map((params) => [params.froms, params.limit])).toEqual([[['a', 'b'], 6]]);
    runs.length = 0;
    // A limit of one: the union's limit is two (two keys), and every read may be cut; the three reads
    // of `a` share one read alone.
    expect(await Promise.all([ask('a', 1), ask('a', 1), ask('b', 1), ask('a', 1)])).toEqual([
      [{ from: 'a', path: 'a-1' }],
      [{ from: 'a', path: 'a-1' }],
      [{ from: 'b', path: 'b-1' }],
      [{ from: 'a', path: 'a-1' }],
    ]);
    expect(runs.map((params) => [params.froms, params.limit])).toEqual([
      [['a', 'b'], 2],
      [['a'], 1],
      [['b'], 1],
    ]);
  });
});
