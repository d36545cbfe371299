import { ALL_STATEMENTS } from '../../src/store/catalog';
import { EmbeddedStore } from '../../src/store/embedded/embedded-store';
import type { GraphStore } from '../../src/store/graph-store';
import { Neo4jStore } from '../../src/store/neo4j/neo4j-store';
import type { Statement } from '../../src/store/statements';
import type { Params } from '../../src/store/values';
import { openLoadedEngineStore, testEngines, type OpenedStore } from '../helpers/engines';
import { SAMPLE } from '../helpers/statement-samples';

/*
 * Each read statement declares its RETURN columns next to its row type (readStatement's third
 * argument, which must name exactly the row type's fields to compile). Here each runs on the
 * engine, over the test fixture, and the columns its result has must be those declared: a RETURN
 * renamed in a .cypher file, or a row type changed without its text, fails on the engine it
 * affects.
 */

const READS = ALL_STATEMENTS.filter((s) => s.access === 'read').map((s) => [s.name, s as Statement] as const);

function columnsOf(store: GraphStore): (statement: Statement, params: Params) => Promise<string[]> {
  if (store instanceof EmbeddedStore || store instanceof Neo4jStore) {
    return (statement, params) => store.columnsOf(statement, params);
  }
  throw new Error('no engine store');
}

describe.each(testEngines())('Read statements: RETURN columns are the row type’s (%s)', (engine) => {
  let opened: OpenedStore;
  beforeAll(async () => {
    opened = await openLoadedEngineStore(engine, undefined, { reuse: true });
  });
  afterAll(async () => opened.dispose());

  test('every read statement declares its columns', () => {
    expect(READS.filter(([, s]) => (s.columns ?? []).length === 0).map(([name]) => name)).toEqual([]);
  });

  test.each(READS)('%s', async (_name, statement) => {
    const params = Object.fromEntries(statement.params.map((p) => [p, SAMPLE[p] ?? null]));
    const columns = await columnsOf(opened.store)(statement, params);
    expect([...columns].sort()).toEqual([...(statement.columns ?? [])].sort());
  });
});
