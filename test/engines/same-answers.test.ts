import { EXAMPLES } from '../../src/server/examples';
import type { TradeGraph } from '../../src/trade-graph';
import { describeNeo4j } from '../helpers/engines';
import { openTestGraph } from '../helpers/graphs';

/*
 * The same curated dataset on both engines gives the same JSON answer to every playground example
 * (and so to the README's headline question). Where the schema leaves an order undefined the
 * answers are compared as sets: see `unordered`.
 */

/** List fields whose order the schema does not define (documented "in no particular order"). */
const UNORDERED_LISTS: readonly string[] = [];

function canonical(value: unknown, key = ''): unknown {
  if (Array.isArray(value)) {
    const items = value.map((item) => canonical(item));
    return UNORDERED_LISTS.includes(key)
      ? items
          .map((item) => JSON.stringify(item))
          .sort()
          .map((item) => JSON.parse(item) as unknown)
      : items;
  }
  if (value !== null && typeof value === 'object') {
    const sorted: Record<string, unknown> = {};
    for (const name of Object.keys(value).sort())
      sorted[name] = canonical((value as Record<string, unknown>)[name], name);
    return sorted;
  }
  return value;
}

describeNeo4j('Embedded and Neo4j give the same answers', () => {
  let embedded: { graph: TradeGraph; dispose: () => Promise<void> };
  let neo4j: { graph: TradeGraph; dispose: () => Promise<void> };

  beforeAll(async () => {
    embedded = await openTestGraph(undefined, 'embedded');
    neo4j = await openTestGraph(undefined, 'neo4j', { reuse: true });
  });
  afterAll(async () => {
    await embedded?.dispose();
    await neo4j?.dispose();
  });

  test.each(EXAMPLES.map((example) => [example.name, example] as const))(
    'the playground example "%s" answers the same JSON on both engines',
    async (_name, example) => {
      const [onEmbedded, onNeo4j] = await Promise.all([
        embedded.graph.execute(example.query, example.variables),
        neo4j.graph.execute(example.query, example.variables),
      ]);
      expect(onEmbedded.errors).toBeUndefined();
      expect(onNeo4j.errors).toBeUndefined();
      expect(canonical(onNeo4j.data)).toEqual(canonical(onEmbedded.data));
    },
  );

  /** The README's search examples (accents, Spanish names, acronyms), word parts and English stop words. */
  const SEARCHES = [
    'anpact',
    'ANPACT',
    'Asociación Nacional de Productores de Autobuses',
    'asociacion nacional',
    'freightlin',
    'liner',
    'Navistar',
    'T-MEC',
    'usmca',
    'Nuevo León',
    'Secretaría de Economía',
    'north america',
    'of',
    'the',
    'mexico',
    // Longer than the full-text query's bounds (8 words, 32 characters a word): still exact.
    'Asociación Nacional de Productores de Autobuses, Camiones y Tractocamiones',
    'National Association of Bus, Truck and Tractor-Trailer Producers of Mexico and the United States',
    'tractocamionestractocamionestractocamiones',
  ];

  test.each(SEARCHES)(
    'search "%s" ranks the same entities with the same scores on both engines',
    async (text) => {
      const operation = `query ($text: String!) { search(text: $text, first: 50) { score node { id } } }`;
      const [onEmbedded, onNeo4j] = await Promise.all([
        embedded.graph.execute(operation, { text }),
        neo4j.graph.execute(operation, { text }),
      ]);
      expect(onEmbedded.errors).toBeUndefined();
      expect(onNeo4j.errors).toBeUndefined();
      expect(onNeo4j.data).toEqual(onEmbedded.data);
    },
  );

  test('ids and texts far past the full-text index bounds answer like any unknown id, never an internal error', async () => {
    const operation = `query ($id: ID!, $ids: [ID!]!) {
      company(id: $id) { id }
      node(id: $id) { id }
      statistics(subjects: $ids, metric: "exports") { value }
    }`;
    for (const id of ['x'.repeat(10_000), 'x '.repeat(3_000)]) {
      const variables = { id, ids: [id] };
      const [onEmbedded, onNeo4j] = await Promise.all([
        embedded.graph.execute(operation, variables),
        neo4j.graph.execute(operation, variables),
      ]);
      const codes = (answer: typeof onEmbedded) =>
        (answer.errors ?? []).map((error) => error.extensions?.code);
      expect(codes(onNeo4j)).not.toContain('INTERNAL_SERVER_ERROR');
      expect(codes(onNeo4j)).toEqual(codes(onEmbedded));
      expect(onNeo4j.data).toEqual(onEmbedded.data);
    }
  });

  test('a path from an entity to itself answers the same on both engines, never an internal error', async () => {
    const operation = '{ paths(from: "US", to: "US") { length nodes { id } } }';
    const [onEmbedded, onNeo4j] = await Promise.all([
      embedded.graph.execute(operation),
      neo4j.graph.execute(operation),
    ]);
    expect(onEmbedded.errors).toBeUndefined();
    expect(onNeo4j.errors).toBeUndefined();
    expect(onNeo4j.data).toEqual(onEmbedded.data);
  });
});
