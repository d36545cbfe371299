import type { TradeGraph } from '../../src/trade-graph';
import { EXAMPLES } from '../../src/server/examples';
import { testEngines } from '../helpers/engines';
import { openTestGraph, query } from '../helpers/graphs';

interface RankingData {
  ranking: {
    rows: {
      rank: number;
      subject: { id: string };
      value: number;
      coverage: string;
      broaderThanAsked: boolean;
    }[];
    context: { metric: string; value: number; coverage: string }[];
    notes: string[];
  };
}

describe.each(testEngines())('GraphQL API over the curated dataset (%s)', (engine) => {
  let graph: TradeGraph;
  let dispose: () => Promise<void>;

  beforeAll(async () => {
    ({ graph, dispose } = await openTestGraph(undefined, engine, { reuse: true }));
  });
  afterAll(async () => dispose());

  test.each(EXAMPLES.map((example) => [example.name, example] as const))(
    'the playground example "%s" runs without errors',
    async (_name, example) => {
      const result = await graph.execute(example.query, example.variables);
      expect(result.errors).toBeUndefined();
      expect(result.data).toBeTruthy();
    },
  );

  test('the headline ranking puts Freightliner first and never calls totals US exports', async () => {
    const data = await query<RankingData>(
      graph,
      `{ ranking(input: { membersOf: "anpact", membersAsOf: "2026", metric: "exports", period: "2026-01", destination: "US" }) {
          rows { rank subject { id } value coverage broaderThanAsked }
          context { metric value coverage }
          notes } }`,
    );
    const [first, second] = data.ranking.rows;
    expect(first).toEqual({
      rank: 1,
      subject: { id: 'freightliner' },
      value: 3556,
      coverage: 'all destinations',
      broaderThanAsked: true,
    });
    expect(second).toMatchObject({ subject: { id: 'international' }, value: 1445, broaderThanAsked: true });
    expect(data.ranking.context).toContainEqual({ metric: 'export_share', value: 94.2, coverage: 'to US' });
    expect(data.ranking.context).toContainEqual({ metric: 'exports', value: 4783, coverage: 'to US' });
    expect(data.ranking.notes.join(' ')).toMatch(/cover all destinations.*not exports to US/);
  });

  test('any node is found by id, and unknown ids give null', async () => {
    const data = await query<Record<string, { __typename: string; id: string } | null>>(
      graph,
      `{ a: node(id: "anpact") { __typename id } b: node(id: "MX-COA") { __typename id }
         c: node(id: "seed-borderlands-2026-01") { __typename id } d: node(id: "mx-exports-2026-01-a045") { __typename id }
         e: node(id: "no-such-thing") { id } f: company(id: "anpact") { id } g: company(id: "freightliner") { id } }`,
    );
    expect(data.a?.__typename).toBe('Association');
    expect(data.b?.__typename).toBe('Region');
    expect(data.c?.__typename).toBe('Source');
    expect(data.d?.__typename).toBe('Statistic');
    expect(data.e).toBeNull();
    expect(data.f).toBeNull();
    expect(data.g?.id).toBe('freightliner');
  });

  test('lists page through a kind with cursors', async () => {
    type Page = {
      companies: {
        edges: { cursor: string; node: { id: string } }[];
        pageInfo: { hasNextPage: boolean; endCursor: string };
      };
    };
    const first = await query<Page>(
      graph,
      '{ companies(first: 5) { edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }',
    );
    expect(first.companies.edges).toHaveLength(5);
    expect(first.companies.pageInfo.hasNextPage).toBe(true);
    const second = await query<Page>(
      graph,
      'query($after: String) { companies(first: 5, after: $after) { edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }',
      { after: first.companies.pageInfo.endCursor },
    );
    const ids = [...first.companies.edges, ...second.companies.edges].map((e) => e.node.id);
    expect(ids).toEqual([...ids].sort());
    expect(new Set(ids).size).toBe(10);
  });

  test.each([
    ['anpact', 'anpact'],
    ['ANPACT', 'anpact'],
    ['Asociación Nacional de Productores de Autobuses', 'anpact'],
    ['asociacion nacional de productores de autobuses', 'anpact'],
    ['Navistar', 'navistar'],
    ['freightlin', 'freightliner'],
  ])('search "%s" finds %s first', async (text, id) => {
    const data = await query<{ search: { node: { id: string }; score: number }[] }>(
      graph,
      'query($text: String!) { search(text: $text, first: 5) { node { id } score } }',
      { text },
    );
    expect(data.search[0]?.node.id).toBe(id);
  });

  test('search can be narrowed to kinds', async () => {
    const data = await query<{ search: { node: { __typename: string } }[] }>(
      graph,
      '{ search(text: "mexico", kinds: [Country], first: 10) { node { __typename } } }',
    );
    expect(data.search.length).toBeGreaterThan(0);
    expect(new Set(data.search.map((hit) => hit.node.__typename))).toEqual(new Set(['Country']));
  });

  test('traversals carry their sources: association members, company plants, person roles', async () => {
    const data = await query<{
      association: { members: { node: { id: string }; claims: { source: { id: string } | null }[] }[] };
      person: { roles: { node: { id: string }; claims: { role: string | null }[] }[] };
      company: { plants: { node: { id: string; __typename: string } }[] };
    }>(
      graph,
      `{ association(id: "anpact") { members(asOf: "2026") { node { id } claims { source { id } } } }
         person(id: "alejandro-osorio") { roles { node { id } claims { role } } }
         company(id: "paccar") { plants { node { __typename id } } } }`,
    );
    expect(data.association.members).toHaveLength(16);
    expect(
      data.association.members.every((m) =>
        m.claims.every((c) => c.source?.id === 'seed-borderlands-2026-01'),
      ),
    ).toBe(true);
    expect(data.person.roles[0]?.node.id).toBe('anpact');
    expect(data.person.roles[0]?.claims.map((c) => c.role).join(' ')).toMatch(/Public Affairs/i);
    expect(data.company.plants.every((p) => p.node.__typename === 'Plant')).toBe(true);
  });

  test('a statistic shows the change its source reported next to the change computed from stored values', async () => {
    const data = await query<{
      statistics: {
        id: string;
        reportedChangePercent: number | null;
        computedChange: { percent: number; comparedTo: { value: number } } | null;
      }[];
    }>(
      graph,
      `{ statistics(subjects: ["MX"], metric: "production", period: "2026-01", totalsOnly: true) {
          id reportedChangePercent computedChange { percent comparedTo { value } } } }`,
    );
    const seed = data.statistics.find((s) => s.id === 'mx-production-2026-01-seed-borderlands');
    expect(seed?.reportedChangePercent).toBe(-51.9);
    expect(seed?.computedChange).toEqual({ percent: -51.85, comparedTo: { value: 14108 } });
  });

  test('time series come back ordered by period', async () => {
    const data = await query<{ statistics: { period: { start: string } }[] }>(
      graph,
      '{ statistics(subjects: ["freightliner"], metric: "production") { period { start } } }',
    );
    const starts = data.statistics.map((s) => s.period.start);
    expect(starts.length).toBeGreaterThan(3);
    expect(starts).toEqual([...starts].sort());
  });

  test('neighbours and paths return nodes and edges with sources', async () => {
    const data = await query<{
      neighbours: { nodes: { id: string }[]; edges: { type: string; source: { id: string } | null }[] };
      paths: { length: number; nodes: { id: string }[]; edges: { source: { id: string } | null }[] }[];
    }>(
      graph,
      `{ neighbours(id: "freightliner", depth: 2, first: 50) { nodes { id } edges { type source { id } } }
         paths(from: "daimay", to: "usmca") { length nodes { id } edges { source { id } } } }`,
    );
    expect(data.neighbours.nodes[0]?.id).toBe('freightliner');
    expect(data.neighbours.edges.every((e) => e.source !== null)).toBe(true);
    expect(data.paths.length).toBeGreaterThan(0);
    expect(data.paths[0]?.nodes[0]?.id).toBe('daimay');
    expect(
      data.paths.every((p) => p.edges.length === p.length && p.edges.every((e) => e.source !== null)),
    ).toBe(true);
  });

  test.each([
    ['{ companies(first: 500) { edges { cursor } } }', /first must be between 1 and 200/],
    ['{ neighbours(id: "anpact", depth: 4) { truncated } }', /depth must be between 1 and 3/],
    ['{ paths(from: "a", to: "b", maxLength: 9) { length } }', /maxLength must be between 1 and 6/],
    ['{ statistics(subjects: ["MX"], period: "2026-13") { id } }', /period: month 13 does not exist/],
    ['{ statistics(subjects: ["MX"], metric: "gdp") { id } }', /"gdp" is not a known metric/],
    [
      '{ ranking(input: { metric: "exports", period: "2026-01" }) { notes } }',
      /exactly one of subjects, membersOf or inSector/,
    ],
    ['{ companies(first: 2, after: "nonsense") { edges { cursor } } }', /not a cursor/],
    ['{ search(text: "!") { score } }', /at least 2 letters/],
  ])('bad input is refused with BAD_USER_INPUT: %s', async (text, message) => {
    const result = await graph.execute(text);
    expect(result.errors?.[0]?.message).toMatch(message);
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  test('a malformed operation is a validation error, not an internal one', async () => {
    const result = await graph.execute('{ company(id: "x") { nope } }');
    expect(result.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});
