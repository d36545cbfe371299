import { upsertStatements } from '../../src/store/catalog';
import { claimStatement, deleteNodesOfKind } from '../../src/store/generated-statements';
import type { EmbeddedStore } from '../../src/store/embedded/embedded-store';
import { createLoaders } from '../../src/graphql/loaders';
import type { GraphNode } from '../../src/store/values';
import { createTradeGraph, type TradeGraph } from '../../src/trade-graph';
import { countingStore, query } from '../helpers/graphs';
import { FIXTURE_DATASET, openLoadedStore } from '../helpers/stores';

/**
 * Lookups go through one kind's id index: by the kind the field names, or the kind an id was seen
 * with, or (the first time an id of unknown kind is met) after one look-up of its kind.
 */
describe('read path: index-backed lookups', () => {
  let store: EmbeddedStore;
  let dispose: () => Promise<void>;

  beforeAll(async () => {
    ({ store, dispose } = await openLoadedStore());
  });
  afterAll(async () => dispose());

  /** A graph over its own counting wrapper: a store of its own, so nothing is remembered yet. */
  async function fresh(): Promise<{ graph: TradeGraph; calls: string[] }> {
    const counting = countingStore(store);
    const graph = await createTradeGraph({ store: counting, dataDirectory: FIXTURE_DATASET });
    counting.calls.length = 0;
    return { graph, calls: counting.calls };
  }

  test('a lookup by a kind’s field reads that kind’s index only', async () => {
    const { graph, calls } = await fresh();
    expect(await query(graph, '{ company(id: "alpha-trucks") { name } }')).toEqual({
      company: { name: 'Alpha Trucks' },
    });
    expect(calls).toEqual(['nodes-by-ids-company']);
    calls.length = 0;
    // An id of another kind is not a company. A miss then looks for the id in another case
    // (company(id: "Freightliner") finds freightliner): one search, of companies only.
    expect(await query(graph, '{ company(id: "MX") { name } }')).toEqual({ company: null });
    expect(calls).toEqual(['nodes-by-ids-company', 'search-entities']);
  });

  test('an id of unknown kind costs one look-up of its kind, the first time only', async () => {
    const { graph, calls } = await fresh();
    const asked = '{ node(id: "MX") { id ... on Entity { name kind } } }';
    const answer = { node: { id: 'MX', name: 'Mexico', kind: 'Country' } };
    expect(await query(graph, asked)).toEqual(answer);
    expect(calls).toEqual(['kinds-of-ids', 'nodes-by-ids-country']);
    calls.length = 0;
    expect(await query(graph, asked)).toEqual(answer);
    expect(calls).toEqual(['nodes-by-ids-country']);
    calls.length = 0;
    expect(await query(graph, '{ node(id: "no-such-node") { id } }')).toEqual({ node: null });
    expect(calls).toEqual(['kinds-of-ids', 'search-entities']);
  });

  test('a remembered kind that has gone stale gives the right node', async () => {
    const { graph } = await fresh();
    const asked = '{ node(id: "stale-kind") { id ... on Entity { kind name } } }';
    const base = { aliases: [], description: null, wikidata: null, sources: [], searchText: '|stale|' };
    await store.transaction((tx) =>
      tx.run(upsertStatements.Company, {
        rows: [{ id: 'stale-kind', name: 'As company', companyType: 'other', ...base }],
      }),
    );
    expect(await query(graph, asked)).toEqual({
      node: { id: 'stale-kind', kind: 'Company', name: 'As company' },
    });
    await store.transaction(async (tx) => {
      await tx.run(deleteNodesOfKind('Company'), { ids: ['stale-kind'] });
      await tx.run(upsertStatements.Plant, {
        rows: [
          {
            id: 'stale-kind',
            name: 'As plant',
            facilityType: 'plant',
            openedValues: [],
            openedSources: [],
            products: [],
            ...base,
          },
        ],
      });
    });
    expect(await query(graph, asked)).toEqual({
      node: { id: 'stale-kind', kind: 'Plant', name: 'As plant' },
    });
    await store.transaction((tx) => tx.run(deleteNodesOfKind('Plant'), { ids: ['stale-kind'] }));
  });

  test('a path is searched from its ends’ own kinds: looked up the first time, remembered after', async () => {
    const { graph, calls } = await fresh();
    const asked = '{ paths(from: "ana-perez", to: "alpha-trucks") { length nodes { id } edges { type } } }';
    // One path per source of the membership: two.
    const path = {
      length: 2,
      nodes: [{ id: 'ana-perez' }, { id: 'truckmakers' }, { id: 'alpha-trucks' }],
      edges: [{ type: 'WORKS_FOR' }, { type: 'MEMBER_OF' }],
    };
    const answer = { paths: [path, path] };
    expect(await query(graph, asked)).toEqual(answer);
    expect(calls).toEqual(['kinds-of-ids', 'shortest-paths-person-company']);
    calls.length = 0;
    expect(await query(graph, asked)).toEqual(answer);
    expect(calls).toEqual(['shortest-paths-person-company']);
    calls.length = 0;
    // No path within the length asked: the remembered kinds are checked once before answering none
    // (which also shows that both ids name entities).
    const tooShort = '{ paths(from: "ana-perez", to: "alpha-trucks", maxLength: 1) { length } }';
    expect(await query(graph, tooShort)).toEqual({ paths: [] });
    expect(calls).toEqual(['shortest-paths-person-company', 'kinds-of-ids']);
  });

  test('a path end whose remembered kind has gone stale is found through its new kind', async () => {
    const { graph } = await fresh();
    const base = { aliases: [], description: null, wikidata: null, sources: [], searchText: '|stale|' };
    const asked = '{ paths(from: "stale-end", to: "truckmakers") { nodes { id kind } } }';
    /** `stale-end`, as an entity of this kind, linked to truckmakers by this claim (and nothing else). */
    const makeEnd = async (kind: 'Company' | 'Person', type: 'MEMBER_OF' | 'WORKS_FOR'): Promise<void> =>
      store.transaction(async (tx) => {
        await tx.run(deleteNodesOfKind('Company'), { ids: ['stale-end'] });
        await tx.run(
          upsertStatements[kind],
          kind === 'Company'
            ? { rows: [{ id: 'stale-end', name: 'As company', companyType: 'other', ...base }] }
            : { rows: [{ id: 'stale-end', name: 'As person', ...base }] },
        );
        const claim = { from: 'stale-end', to: 'truckmakers', source: 'fx-report-2026', asOf: null };
        await tx.run(claimStatement(type, kind, 'Association'), {
          rows: [
            { ...claim, role: type === 'WORKS_FOR' ? 'Adviser' : null, since: null, until: null, note: null },
          ],
        });
      });
    const pathFrom = (kind: string) => ({
      paths: [
        {
          nodes: [
            { id: 'stale-end', kind },
            { id: 'truckmakers', kind: 'Association' },
          ],
        },
      ],
    });
    await makeEnd('Company', 'MEMBER_OF');
    expect(await query(graph, asked)).toEqual(pathFrom('Company'));
    await makeEnd('Person', 'WORKS_FOR');
    try {
      expect(await query(graph, asked)).toEqual(pathFrom('Person'));
    } finally {
      await store.transaction((tx) => tx.run(deleteNodesOfKind('Person'), { ids: ['stale-end'] }));
    }
  });

  test('a request keeps the kinds it looked up, whatever other requests do to the shared memory', async () => {
    const counting = countingStore(store);
    const request = createLoaders(counting);
    expect(await request.kindsOf(['alpha-trucks', 'no-such-node'])).toEqual(
      new Map([['alpha-trucks', 'Company']]),
    );
    // Another request fills the memory shared by all requests past its bound, which empties it.
    const other = createLoaders(counting);
    for (let i = 0; i <= 200_000; i += 1)
      other.remember({ id: `filler-${i}`, kind: 'Company', properties: {} } as GraphNode);
    counting.calls.length = 0;
    // The first request still knows both answers: no look-up, and the company is found by its index.
    expect((await request.nodes.load('alpha-trucks'))?.properties.name).toBe('Alpha Trucks');
    expect(await request.nodes.load('no-such-node')).toBeNull();
    expect(counting.calls).toEqual(['nodes-by-ids-company']);
  });

  test('relations, statistics and their ends: one store call per level', async () => {
    const { graph, calls } = await fresh();
    const data = await query<{
      association: {
        members: { node: { id: string; statistics: { destination: { id: string } | null }[] } }[];
      };
    }>(
      graph,
      `{ association(id: "truckmakers") { members { node { id statistics(metric: "exports") {
          value destination { id } source { title } } } } } }`,
    );
    expect(data.association.members.map((m) => m.node.id).sort()).toEqual([
      'alpha-trucks',
      'beta-motors',
      'gamma-parts',
    ]);
    expect(
      data.association.members.flatMap((m) => m.node.statistics.map((s) => s.destination?.id ?? null)),
    ).toContain('US');
    // The association comes with its relations (members selected: one statement, the members
    // read brief as only their ids and statistics are shown), and the members' statistics with
    // their destinations and sources: no lookup of their own, and no look-up of the destination's
    // kind though it was never seen before.
    expect(calls).toEqual(['relations-of-association-brief', 'statistics-of-company']);
  });

  test('a country comes once beside its claims: found without claims, or missing, with no lookup', async () => {
    const { graph, calls } = await fresh();
    const base = { aliases: [], description: null, wikidata: null, sources: [], searchText: '|ca|' };
    await store.transaction((tx) =>
      tx.run(upsertStatements.Country, { rows: [{ id: 'CA', name: 'Canada', ...base }] }),
    );
    try {
      const asked = (id: string): string => `{ country(id: "${id}") { id name policies { node { id } } } }`;
      expect(await query(graph, asked('MX'))).toEqual({
        country: { id: 'MX', name: 'Mexico', policies: [{ node: { id: 'fx-agreement' } }] },
      });
      expect(calls).toEqual(['relations-of-country-brief']);
      calls.length = 0;
      // No claim names Canada: its node still comes, in the row of its own.
      expect(await query(graph, asked('CA'))).toEqual({
        country: { id: 'CA', name: 'Canada', policies: [] },
      });
      expect(calls).toEqual(['relations-of-country-brief']);
      calls.length = 0;
      // No row at all: no country has this id, so it is not looked up again (only searched in another case).
      expect(await query(graph, asked('alpha-trucks'))).toEqual({ country: null });
      expect(calls).toEqual(['relations-of-country-brief', 'search-entities']);
    } finally {
      await store.transaction((tx) => tx.run(deleteNodesOfKind('Country'), { ids: ['CA'] }));
    }
  });

  test('statistics shown without their ends are read without them, unless a sibling shows them', async () => {
    const { graph, calls } = await fresh();
    const plain = '{ company(id: "alpha-trucks") { statistics(metric: "exports") { id value } } }';
    const figures = await query<{ company: { statistics: { id: string }[] } }>(graph, plain);
    expect(figures.company.statistics.length).toBeGreaterThan(0);
    expect(calls).toEqual(['nodes-by-ids-company', 'statistics-of-company-without-ends']);
    calls.length = 0;
    // The top-level query too.
    await query(graph, '{ statistics(subjects: ["alpha-trucks"], metric: "exports") { id value } }');
    expect(calls).toEqual(['statistics-of-company-without-ends']);
    calls.length = 0;
    // Two aliases under one filter, one showing the source: one statement, with the ends, and the
    // source needs no lookup of its own.
    const both = await query<{
      company: { a: { id: string }[]; b: { id: string; source: { title: string } }[] };
    }>(
      graph,
      `{ company(id: "alpha-trucks") { a: statistics(metric: "exports") { id value }
          b: statistics(metric: "exports") { id source { title } } } }`,
    );
    expect(both.company.a).toEqual(figures.company.statistics);
    expect(both.company.b.map((s) => s.id)).toEqual(figures.company.statistics.map((s) => s.id));
    expect(both.company.b.every((s) => s.source.title.length > 0)).toBe(true);
    expect(calls).toEqual(['nodes-by-ids-company', 'statistics-of-company']);
  });

  test('an entity read with its relations: found without claims, or missing, as by a lookup', async () => {
    const { graph, calls } = await fresh();
    // An agency no claim names: the relations statement has no row for it, so it is looked up.
    expect(await query(graph, '{ agency(id: "fx-stats-office") { id people { node { id } } } }')).toEqual({
      agency: { id: 'fx-stats-office', people: [] },
    });
    expect(calls).toEqual(['relations-of-agency-brief', 'nodes-by-ids-agency']);
    calls.length = 0;
    // Fragments count: the members are asked for through one.
    expect(
      await query(
        graph,
        '{ association(id: "truckmakers") { ...m } } fragment m on Association { members { node { id } } }',
      ),
    ).toEqual({
      association: {
        members: [
          { node: { id: 'alpha-trucks' } },
          { node: { id: 'beta-motors' } },
          { node: { id: 'gamma-parts' } },
        ],
      },
    });
    expect(calls).toEqual(['relations-of-association-brief']);
    calls.length = 0;
    expect(await query(graph, '{ company(id: "MX") { id memberships { node { id } } } }')).toEqual({
      company: null,
    });
    expect(calls).toEqual(['relations-of-company-brief', 'nodes-by-ids-company', 'search-entities']);
  });

  test('a ranking reads the figures it shows no source or destination of without them', async () => {
    const ranking = (input: string, context: string): string =>
      `{ ranking(input: { membersOf: "truckmakers", metric: "exports", period: "2026-01"${input} }) {
          rows { subject { id } value } context { ${context} } } }`;
    type Answer = { ranking: { rows: unknown[]; context: { id: string; value: number }[] } };
    const bare = await fresh();
    const plain = await query<Answer>(bare.graph, ranking('', 'id value'));
    expect(plain.ranking.context.map((s) => s.id)).toContain('mx-exports-2026-01-fx');
    // The context's origin (MX) is met for the first time: its kind is looked up once.
    expect(bare.calls).toEqual([
      'relations-of-association-brief',
      'statistics-of-company-by-key-without-ends',
      'kinds-of-ids',
      'statistics-of-country-without-ends',
    ]);
    // The context showing its sources: read with them, the same figures.
    const cited = await fresh();
    const withSources = await query<Answer>(cited.graph, ranking('', 'id value source { id }'));
    expect(withSources.ranking.rows).toEqual(plain.ranking.rows);
    expect(withSources.ranking.context.map(({ id, value }) => ({ id, value }))).toEqual(
      plain.ranking.context,
    );
    expect(cited.calls).toEqual([
      'relations-of-association-brief',
      'statistics-of-company-by-key-without-ends',
      'kinds-of-ids',
      'statistics-of-country',
    ]);
    // A destination asked for: the rows are read with their ends, which bring the destination's
    // node, so checking that it exists costs no statement of its own.
    const toUs = await fresh();
    await query(toUs.graph, ranking(', destination: "US"', 'id value'));
    expect(toUs.calls).toEqual([
      'relations-of-association-brief',
      'statistics-of-company-by-key',
      'kinds-of-ids',
      'statistics-of-country-without-ends',
    ]);
  });

  test('unknown ids are looked up once, and their suggestions searched for together', async () => {
    const { graph, calls } = await fresh();
    const result = await graph.execute('{ paths(from: "no-such-node", to: "MX") { length } }');
    expect(result.errors?.[0]?.message).toMatch(/^from: no entity has the id "no-such-node"\./);
    // The look-up of the ends' kinds finds it missing, so no path is searched for; then its
    // suggestions (a search for "no such node", then, finding nothing, for names starting "no ");
    // it is not looked up a second time.
    expect(calls).toEqual(['kinds-of-ids', 'search-entities-each', 'search-entities-each']);
    calls.length = 0;
    // Four unknown ids asked for at once (each under an entity of its own, so that each error is
    // answered): one search for all of them, and one more for the three that found nothing at
    // first, whatever their number.
    const from = (origin: string): string =>
      `company(id: "alpha-trucks") { statistics(origin: "${origin}") { id } }`;
    const many = await graph.execute(
      `{ a: ${from('no-such-a')} b: ${from('Mexico')} c: ${from('no-such-b')} d: ${from('Mexco')} }`,
    );
    const tail = '. Ids are case-sensitive; the search query finds ids by name.';
    expect(many.errors?.map((error) => error.message)).toEqual([
      `origin: no Country or Region has the id "no-such-a"${tail}`,
      `origin: no Country or Region has the id "Mexico" (did you mean MX?)${tail}`,
      `origin: no Country or Region has the id "no-such-b"${tail}`,
      `origin: no Country or Region has the id "Mexco" (did you mean MX?)${tail}`,
    ]);
    expect(calls.filter((name) => name.startsWith('search-'))).toEqual([
      'search-entities-each',
      'search-entities-each',
    ]);
  });

  test('the suggestions of many unknown ids are searched for fifty at a time', async () => {
    const { graph, calls } = await fresh();
    const ids = Array.from({ length: 120 }, (_, i) => `no-such-${i}`);
    const result = await graph.execute(`{ statistics(subjects: ${JSON.stringify(ids)}) { id } }`);
    expect(result.errors?.[0]?.message).toContain('no entity has the id "no-such-119"');
    // 50, 50 and 20 texts, then as many again for their first three letters.
    expect(calls.filter((name) => name.startsWith('search-'))).toEqual(Array(6).fill('search-entities-each'));
  });

  test('statistics of subjects go to their kind’s statement', async () => {
    const { graph, calls } = await fresh();
    const asked = '{ statistics(subjects: ["MX"], metric: "exports") { value } }';
    const first = await query<{ statistics: unknown[] }>(graph, asked);
    expect(first.statistics.length).toBeGreaterThan(0);
    expect(calls).toEqual(['kinds-of-ids', 'statistics-of-country-without-ends']);
    calls.length = 0;
    expect(await query(graph, asked)).toEqual(first);
    expect(calls).toEqual(['statistics-of-country-without-ends']);
  });

  test('a statistic’s subject asked for by id alone costs no lookup', async () => {
    const { graph, calls } = await fresh();
    const byId = '{ statistics(subjects: ["MX"], metric: "exports") { subject { id kind __typename } } }';
    const first = await query<{ statistics: { subject: unknown }[] }>(graph, byId);
    expect(first.statistics[0]?.subject).toEqual({ id: 'MX', kind: 'Country', __typename: 'Country' });
    expect(calls).toEqual(['kinds-of-ids', 'statistics-of-country-without-ends']);
    calls.length = 0;
    // Anything more than the id and kind: the subject's node is read.
    const named = await query<{ statistics: { subject: unknown }[] }>(
      graph,
      '{ statistics(subjects: ["MX"], metric: "exports") { subject { id ... on Country { name } } } }',
    );
    expect(named.statistics[0]?.subject).toEqual({ id: 'MX', name: 'Mexico' });
    expect(calls).toEqual(['statistics-of-country-without-ends', 'nodes-by-ids-country']);
  });

  test('neighbours follow the relations of each kind met', async () => {
    const { graph, calls } = await fresh();
    const data = await query<{ neighbours: { nodes: { id: string }[] } }>(
      graph,
      '{ neighbours(id: "alpha-trucks", depth: 2) { nodes { id } } }',
    );
    expect(data.neighbours.nodes.map((n) => n.id)).toEqual(
      expect.arrayContaining(['truckmakers', 'beta-motors']),
    );
    expect(calls[0]).toBe('kinds-of-ids');
    // Only the ids of the entities reached are shown: their claims are read brief, and the kinds
    // of the next level come from them (no lookup of the entities reached).
    expect(calls).toEqual([
      'kinds-of-ids',
      'nodes-by-ids-company',
      'relations-of-company-brief',
      ...calls.slice(3).filter((name) => name.endsWith('-brief')),
    ]);
    expect(calls).toContain('relations-of-association-brief');
  });

  test('related entities are read whole as soon as one field shows more of them than a brief node', async () => {
    const { graph, calls } = await fresh();
    const brief = await query<{ association: { members: { node: { id: string; name: string } }[] } }>(
      graph,
      '{ association(id: "truckmakers") { members { node { id name kind __typename } } } }',
    );
    expect(calls).toEqual(['relations-of-association-brief']);
    calls.length = 0;
    // A field the brief node does not hold, through a fragment on the member's type.
    const whole = await query<{
      association: { members: { node: { id: string; name: string; aliases: string[] } }[] };
    }>(
      graph,
      '{ association(id: "truckmakers") { members { node { id name ... on Company { aliases } } } } }',
    );
    expect(calls).toEqual(['relations-of-association']);
    expect(whole.association.members.map(({ node }) => ({ id: node.id, name: node.name }))).toEqual(
      brief.association.members.map(({ node }) => ({ id: node.id, name: node.name })),
    );
    expect(whole.association.members.some(({ node }) => node.aliases.length > 0)).toBe(true);
    calls.length = 0;
    // Two fields in one request, one brief and one whole: one statement, the whole one, and the
    // member's node then needs no lookup of its own.
    const both = await query<{
      association: {
        a: { node: { id: string } }[];
        b: { node: { id: string; description: string | null } }[];
      };
    }>(
      graph,
      '{ association(id: "truckmakers") { a: members { node { id } } b: members { node { id description } } } }',
    );
    expect(both.association.a.map(({ node }) => node.id)).toEqual(
      both.association.b.map(({ node }) => node.id),
    );
    expect(calls).toEqual(['relations-of-association']);
    calls.length = 0;
    // The same two fields, each in its own field of the query: the brief read is answered by the
    // whole one of the same request.
    await query(
      graph,
      `{ x: association(id: "truckmakers") { members { node { id description } } }
         y: association(id: "truckmakers") { members { node { id } } } }`,
    );
    expect(calls).toEqual(['relations-of-association']);
  });
});
