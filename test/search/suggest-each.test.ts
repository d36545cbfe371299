import { closestNames, suggestNodesEach } from '../../src/search/suggest';
import { searchNodes, searchTerm, type SearchHitRow } from '../../src/search/search';
import type { GraphStore } from '../../src/store/graph-store';
import { openLoadedEngineStore, testEngines, type OpenedStore } from '../helpers/engines';

/**
 * The suggestions of many texts at once (two store reads) are those of each text alone, by the
 * rule as it was written for one text: a search, then, when it finds nothing, a search of the
 * first three letters kept by closestNames; an exact name or alias alone; at most `max`.
 */
async function oneByOne(
  store: GraphStore,
  text: string,
  kinds: readonly string[],
  max: number,
): Promise<SearchHitRow[]> {
  const term = searchTerm(text);
  if (term.length < 2) return [];
  let hits = await searchNodes(store, term, { kinds, limit: Math.max(max, 5) });
  if (hits.length === 0 && term.length > 3) {
    hits = (await searchNodes(store, term.slice(0, 3), { kinds, limit: 50 })).filter(
      (hit) =>
        closestNames(text, [hit.node.id, String(hit.node.properties.name ?? hit.node.id)], 1).length > 0,
    );
  }
  const exact = hits.filter((hit) => hit.score >= 100);
  return (exact.length > 0 ? exact : hits).slice(0, max);
}

const TEXTS = [
  'Mexico',
  'Mexco',
  'mx',
  'USA',
  'United States',
  'alpha-truck',
  'alpha',
  'truckmakrs',
  'heavy-truks',
  'heavy',
  'a',
  '',
  'no-such-node',
  "anpact' OR '1'='1",
  "'; MATCH (n) DETACH DELETE n //",
  '\u202Eanpact',
  'ａｌｐｈａ',
  'x'.repeat(10_000),
  `alpha${'x'.repeat(5_000)}`,
  '2026-13',
  'the',
];

describe.each(testEngines())('suggestions of many texts at once (%s)', (engine) => {
  let opened: OpenedStore;
  beforeAll(async () => {
    opened = await openLoadedEngineStore(engine, undefined, { reuse: true });
  });
  afterAll(async () => opened?.dispose());

  test.each([
    [[], 3],
    [['Country', 'Region'], 3],
    [['Company'], 1],
    [['Association'], 5],
  ] as const)('of kinds %j, at most %d: as each text alone', async (kinds, max) => {
    const together = await suggestNodesEach(opened.store, TEXTS, kinds, max);
    const alone = await Promise.all(TEXTS.map((text) => oneByOne(opened.store, text, kinds, max)));
    const ids = (hits: readonly SearchHitRow[][]): string[][] =>
      hits.map((found) => found.map((hit) => `${hit.node.id} ${hit.score}`));
    expect(ids(together)).toEqual(ids(alone));
    // The texts do find something, so that the comparison means something.
    expect(together.flat().length).toBeGreaterThan(kinds.length === 0 ? 8 : 0);
  });
});
