import { NODE_KINDS } from '../../src/domain/kinds';
import { defaultDataDirectory } from '../../src/import/dataset';
import { ALL_STATEMENTS } from '../../src/store/catalog';
import { listStatement } from '../../src/store/generated-statements';
import type { KeyedBy, Statement } from '../../src/store/statements';
import type { Params, Row } from '../../src/store/values';
import { openLoadedEngineStore, testEngines, type OpenedStore } from '../helpers/engines';
import { SAMPLE } from '../helpers/statement-samples';

/*
 * A keyed statement (`Statement.keyedBy`) promises that each key's rows are the same whatever else
 * its key list holds, each naming its key: what lets the embedded store answer several waiting
 * reads with one statement (src/store/coalesce.ts). Here every keyed statement runs on both
 * engines over the curated dataset with every id of the graph at once, then with each of some keys
 * alone: the rows of a key alone must be exactly the rows the union gave for it, and the union
 * must give no row for a key it was not asked.
 */

type Keyed = Statement & { readonly keyedBy: KeyedBy };

/**
 * Statements with a LIMIT (`keyedBy.limit`: the shortest paths) are read again alone whenever a
 * union may have cut a key's rows; test/store/embedded/coalesced-reads.test.ts holds them to it.
 */
const KEYED = ALL_STATEMENTS.filter((s): s is Keyed => s.keyedBy !== undefined && !s.keyedBy.limit).map(
  (s) => [s.name, s as Keyed] as const,
);

/** Parameters that keep most rows: every period, any metric. */
const WIDE: Params = { periodFrom: '0001-01-01', periodTo: '9999-12-31', metric: '', asOf: '', sourceId: '' };

/**
 * Statements the curated dataset must answer for at least two keys, so that the test has teeth (its
 * two associations have members of one only).
 */
const MUST_ANSWER_SEVERAL = [
  'nodes-by-ids-company',
  'kinds-of-ids',
  'relations-of',
  'relations-of-company',
  'relations-of-company-brief',
  'relations-of-association-brief',
  'statistics-of-country',
  'statistics-of-company-without-ends',
  'statistics-of-company-by-key',
  'person-roles',
];

const canonical = (rows: readonly Row[]): string[] => rows.map((row) => JSON.stringify(row)).sort();

describe.each(testEngines())('Keyed statements answer each key alone as in a union (%s)', (engine) => {
  let opened: OpenedStore;
  let ids: string[];
  const answered = new Map<string, number>();

  beforeAll(async () => {
    opened = await openLoadedEngineStore(engine, defaultDataDirectory(), { reuse: true });
    ids = [];
    for (const kind of NODE_KINDS) {
      const rows = await opened.store.read(listStatement(kind), { after: '', limit: 10_000 });
      ids.push(...rows.map((row) => String(row.node.properties.id)));
    }
  });
  afterAll(async () => opened.dispose());

  test('the dataset has ids of every kind', () => {
    expect(ids.length).toBeGreaterThan(400);
  });

  test.each(KEYED)('%s', async (name, statement) => {
    const { param, column } = statement.keyedBy;
    const base = Object.fromEntries(
      statement.params.map((p) => [p, p in WIDE ? WIDE[p] : (SAMPLE[p] ?? null)]),
    );
    const withKeys = (keys: string[]): Params => Object.assign({}, base, { [param]: keys });
    const union = await opened.store.read(statement, withKeys([...ids, 'no-such-id']));
    const byKey = new Map<string, Row[]>();
    for (const row of union) {
      const key = row[column];
      expect(typeof key).toBe('string');
      expect(ids).toContain(key);
      byKey.set(String(key), [...(byKey.get(String(key)) ?? []), row]);
    }
    answered.set(name, byKey.size);
    const unanswered = ids.filter((id) => !byKey.has(id));
    const probes = [...[...byKey.keys()].slice(0, 6), ...unanswered.slice(0, 2), 'no-such-id'];
    for (const key of probes) {
      const alone = await opened.store.read(statement, withKeys([key]));
      expect({ key, rows: canonical(alone) }).toEqual({ key, rows: canonical(byKey.get(key) ?? []) });
    }
  });

  test('the dataset answers the main keyed statements for several keys', () => {
    const few = MUST_ANSWER_SEVERAL.filter((name) => (answered.get(name) ?? 0) < 2);
    expect(few).toEqual([]);
  });
});
