import { getIntrospectionQuery } from 'graphql';
import { DEFAULT_LIMITS } from '../../src/limits/query-limits';
import { EXAMPLES } from '../../src/server/examples';
import { defaultDataDirectory } from '../../src/import/dataset';
import { createTradeGraph, type TradeGraph } from '../../src/trade-graph';
import { openCountingStore } from '../helpers/graphs';

interface Cost {
  requested: number;
  limit: number;
  depth: number;
  maxDepth: number;
}

const NESTED_RELATIONS = `{ entity(id: "MX") { relations { node { name relations { node { name
  relations { node { name } } } } } } } }`;

/** `depth` levels of `relations { node { … } }` under an entity: 2 levels of fields per step. */
const nestedRelations = (steps: number): string =>
  `{ entity(id: "anpact") { ${'relations { node { '.repeat(steps)}id${' } }'.repeat(steps)} } }`;

describe('Operation limits (in-process, same as HTTP)', () => {
  let graph: TradeGraph;
  let calls: string[];
  let dispose: () => Promise<void>;

  beforeAll(async () => {
    const opened = await openCountingStore(defaultDataDirectory());
    calls = opened.calls;
    dispose = opened.dispose;
    graph = await createTradeGraph({
      store: opened.store,
      dataDirectory: defaultDataDirectory(),
      limits: {},
    });
  });
  afterAll(async () => dispose());
  beforeEach(() => {
    calls.length = 0;
  });

  async function costOf(text: string, variables?: Record<string, unknown>): Promise<Cost> {
    const result = await graph.execute(text, variables);
    expect(result.errors).toBeUndefined();
    return result.extensions?.cost as Cost;
  }

  test('an accepted operation reports its cost', async () => {
    const result = await graph.execute('{ company(id: "freightliner") { name } }');
    expect(result.extensions?.cost).toEqual({
      requested: 2,
      limit: DEFAULT_LIMITS.maxCost,
      depth: 2,
      maxDepth: DEFAULT_LIMITS.maxQueryDepth,
    });
  });

  test('over the cost budget: refused by name before any store call', async () => {
    const result = await graph.execute(NESTED_RELATIONS);
    expect(result.data).toBeUndefined();
    expect(result.errors).toHaveLength(1);
    const [error] = result.errors ?? [];
    expect(error?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', limit: 'maxCost', max: 10_000 });
    expect(error?.extensions?.requested).toBeGreaterThan(10_000);
    expect(error?.message).toContain(`estimated cost is ${String(error?.extensions?.requested)}`);
    expect(error?.message).toContain('maxCost');
    expect(error?.extensions?.http).toBeUndefined();
    expect(calls).toEqual([]);
  });

  test('too deep: refused by name before any store call', async () => {
    const result = await graph.execute(nestedRelations(8));
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      limit: 'maxQueryDepth',
      requested: 18,
      max: 15,
    });
    expect(result.errors?.[0]?.message).toMatch(/nests 18 fields deep; .* at most 15 \(maxQueryDepth\)/);
    expect(calls).toEqual([]);
  });

  test('depth counts fields inside fragments', async () => {
    const small = await createTradeGraph({ store: graph.store, limits: { maxQueryDepth: 3 } });
    const spread = await small.execute(
      'query { company(id: "freightliner") { ...F } } fragment F on Company { memberships { node { id } } }',
    );
    expect(spread.errors?.[0]?.extensions).toMatchObject({ limit: 'maxQueryDepth', requested: 4 });
    const inline = await small.execute('{ node(id: "MX") { ... on Country { name } } }');
    expect(inline.errors).toBeUndefined();
    expect(calls.length).toBeGreaterThan(0);
  });

  test('list costs scale with first', async () => {
    const page = 'query($n: Int!) { companies(first: $n) { edges { node { id name } } } }';
    const ten = await costOf(page, { n: 10 });
    const hundred = await costOf(page, { n: 100 });
    // base + first × (edges + node + id + name)
    expect(hundred.requested - ten.requested).toBe(90 * 4);
    const literal = await costOf('{ companies(first: 100) { edges { node { id name } } } }');
    expect(literal.requested).toBe(hundred.requested);
  });

  test('lists are priced by what they may return', async () => {
    const one = await costOf('{ company(id: "freightliner") { name } }');
    const members = await costOf('{ company(id: "freightliner") { memberships { node { name } } } }');
    const statistics = await costOf('{ company(id: "freightliner") { statistics { value } } }');
    const filtered = await costOf(
      '{ company(id: "freightliner") { statistics(metric: "exports", period: "2026-01") { value } } }',
    );
    const shallow = await costOf('{ neighbours(id: "MX", depth: 1, first: 10) { nodes { id } } }');
    const deep = await costOf('{ neighbours(id: "MX", depth: 3, first: 200) { nodes { id } } }');
    const short = await costOf('{ paths(from: "daimay", to: "usmca", maxLength: 2, first: 1) { length } }');
    const long = await costOf('{ paths(from: "daimay", to: "usmca", maxLength: 6, first: 10) { length } }');
    expect(members.requested).toBeGreaterThan(10 * one.requested);
    expect(statistics.requested).toBeGreaterThan(2 * filtered.requested);
    expect(deep.requested).toBeGreaterThan(10 * shallow.requested);
    expect(long.requested).toBeGreaterThan(4 * short.requested);
  });

  test('an out-of-range first gets the argument error, not a cost error', async () => {
    const result = await graph.execute('{ companies(first: 2000000000) { edges { node { id } } } }');
    expect(result.errors?.[0]?.message).toMatch(/first must be between 1 and 200/);
    expect(result.errors?.[0]?.extensions?.limit).toBeUndefined();
  });

  test('exponential fragment spreads are refused', async () => {
    const fragments = Array.from(
      { length: 16 },
      (_, i) => `fragment F${i} on Company { ...F${i + 1} ...F${i + 1} }`,
    ).join('\n');
    const text = `{ company(id: "freightliner") { ...F0 } }\n${fragments}\nfragment F16 on Company { id }`;
    const result = await graph.execute(text);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', limit: 'maxSelections' });
    expect(calls).toEqual([]);
  });

  test('too many tokens: refused when parsed', async () => {
    const aliases = Array.from({ length: 700 }, (_, i) => `a${i}: metrics { name }`).join(' ');
    const result = await graph.execute(`{ ${aliases} }`);
    expect(result.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(result.errors?.[0]?.message).toMatch(/contains more th\w+ 3000 tokens/);
  });

  test('misfit variables are refused before anything runs', async () => {
    const result = await graph.execute('query($n: Int!) { companies(first: $n) { edges { cursor } } }', {
      n: 'many',
    });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(calls).toEqual([]);
  });

  test('examples and introspection fit the defaults', async () => {
    for (const example of EXAMPLES) {
      const cost = await costOf(example.query, example.variables);
      expect([example.name, cost.requested < DEFAULT_LIMITS.maxCost / 5]).toEqual([example.name, true]);
    }
    const introspection = await costOf(getIntrospectionQuery());
    expect(introspection.depth).toBeLessThanOrEqual(DEFAULT_LIMITS.maxQueryDepth);
  });

  test('smaller configured limits apply to every argument', async () => {
    const small = await createTradeGraph({
      store: graph.store,
      limits: { maxFirst: 5, maxTraversalDepth: 1, maxPathLength: 1 },
    });
    const page = await small.execute('{ companies(first: 6) { edges { cursor } } }');
    expect(page.errors?.[0]?.message).toMatch(/first must be between 1 and 5/);
    const defaults = await small.execute(
      '{ statistics(subjects: ["MX"]) { id } search(text: "mex") { score } neighbours(id: "MX") { nodes { id } } }',
    );
    expect(defaults.errors).toBeUndefined();
    const data = defaults.data as {
      statistics: unknown[];
      search: unknown[];
      neighbours: { nodes: unknown[] };
    };
    expect(data.statistics).toHaveLength(5);
    expect(data.search.length).toBeLessThanOrEqual(5);
    expect(data.neighbours.nodes.length).toBeLessThanOrEqual(5);
    const deep = await small.execute('{ neighbours(id: "MX", depth: 2) { truncated } }');
    expect(deep.errors?.[0]?.message).toMatch(/depth must be between 1 and 1/);
    const paths = await small.execute('{ paths(from: "daimay", to: "usmca") { length } }');
    expect(paths.errors).toBeUndefined();
    expect(paths.data).toEqual({ paths: [] });
    const long = await small.execute('{ paths(from: "daimay", to: "usmca", maxLength: 2) { length } }');
    expect(long.errors?.[0]?.message).toMatch(/maxLength must be between 1 and 1/);
    const subjects = await small.execute(
      `{ ranking(input: { subjects: ["a", "b", "c", "d", "e", "f"], metric: "exports", period: "2026-01" }) { notes } }`,
    );
    expect(subjects.errors?.[0]?.message).toMatch(/input.subjects: give between 1 and 5 ids/);
  });

  test('an overlong search text is refused before the store', async () => {
    const result = await graph.execute('query($t: String!) { search(text: $t) { score } }', {
      t: 'x'.repeat(201),
    });
    expect(result.errors?.[0]?.message).toMatch(/at most 200 characters/);
    expect(calls).toEqual([]);
  });
});
