import type { TradeGraph } from '../../src/trade-graph';
import { testEngines, type EngineName } from '../helpers/engines';
import { openTestGraph } from '../helpers/graphs';
import { FIXTURE_DATASET } from '../helpers/stores';

/*
 * An id argument that names nothing, or an entity of another kind than it takes, is a
 * BAD_USER_INPUT naming the argument and the close ids (the CLI's rule, src/search/suggest.ts),
 * never an empty answer.
 */

const RANK = 'metric: "exports", period: "2026-01"';

const CASES: readonly (readonly [string, string, string, RegExp, readonly string[]])[] = [
  [
    'a typo in inSector',
    `{ ranking(input: { inSector: "heavy-truks", ${RANK} }) { rows { value } } }`,
    'input.inSector',
    /no Sector has the id "heavy-truks" \(did you mean heavy-trucks\?\)/,
    ['heavy-trucks'],
  ],
  [
    'an association given as inSector',
    `{ ranking(input: { inSector: "truckmakers", ${RANK} }) { rows { value } } }`,
    'input.inSector',
    /"truckmakers" is an Association, not a Sector/,
    [],
  ],
  [
    'a typo in membersOf',
    `{ ranking(input: { membersOf: "truckmaker", ${RANK} }) { rows { value } } }`,
    'input.membersOf',
    /no Association has the id "truckmaker" \(did you mean truckmakers\?\)/,
    ['truckmakers'],
  ],
  [
    'a company given as membersOf',
    `{ ranking(input: { membersOf: "alpha-trucks", ${RANK} }) { rows { value } } }`,
    'input.membersOf',
    /"alpha-trucks" is a Company, not an Association/,
    [],
  ],
  [
    'an alias as the ranking destination (figures without a split would still rank)',
    `{ ranking(input: { membersOf: "truckmakers", ${RANK}, destination: "USA" }) { rows { value } } }`,
    'input.destination',
    /no Country or Region has the id "USA" \(did you mean US\?\)/,
    ['US'],
  ],
  [
    'a name as the statistics destination',
    '{ statistics(subjects: ["MX"], destination: "United States") { id } }',
    'destination',
    /no Country or Region has the id "United States" \(did you mean US\?\)/,
    ['US'],
  ],
  [
    'a name as the statistics origin of an entity',
    '{ company(id: "alpha-trucks") { statistics(origin: "Mexico") { id } } }',
    'origin',
    /no Country or Region has the id "Mexico" \(did you mean MX\?\)/,
    ['MX'],
  ],
  [
    'a typo in the statistics sector',
    '{ statistics(subjects: ["MX"], sector: "heavy-vehicle") { id } }',
    'sector',
    /no Sector has the id "heavy-vehicle"/,
    ['heavy-vehicles'],
  ],
  [
    'a typo in paths(from:)',
    '{ paths(from: "alpha-truck", to: "MX") { length } }',
    'from',
    /no entity has the id "alpha-truck" \(did you mean alpha-trucks/,
    ['alpha-trucks'],
  ],
  [
    'an unknown source in a claim filter',
    '{ association(id: "truckmakers") { members(source: "fx-report-2062") { node { id } } } }',
    'source',
    /no Source has the id "fx-report-2062"/,
    [],
  ],
];

describe.each(testEngines())('unknown ids in id arguments (%s)', (engine: EngineName) => {
  let graph: TradeGraph;
  let dispose: () => Promise<void>;

  beforeAll(async () => {
    ({ graph, dispose } = await openTestGraph(FIXTURE_DATASET, engine, { reuse: true }));
  }, 120_000);
  afterAll(async () => dispose());

  test.each(CASES)(
    '%s is a BAD_USER_INPUT with the close ids',
    async (_name, operation, argument, message, suggestions) => {
      const result = await graph.execute(operation);
      expect(result.errors).toHaveLength(1);
      const error = result.errors?.[0];
      expect(error?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
      expect(error?.message).toMatch(message);
      for (const id of suggestions) expect(error?.extensions?.suggestions).toContain(id);
    },
  );

  test('the same arguments with known ids answer as before', async () => {
    for (const operation of [
      `{ ranking(input: { inSector: "heavy-trucks", ${RANK} }) { rows { value } } }`,
      `{ ranking(input: { membersOf: "truckmakers", ${RANK}, destination: "US" }) { rows { value } } }`,
      '{ statistics(subjects: ["MX"], destination: "US", sector: "heavy-vehicles") { id } }',
      '{ statistics(subjects: ["beta-motors"], destination: "MX") { id } }',
      '{ paths(from: "alpha-trucks", to: "MX") { length } }',
      '{ association(id: "truckmakers") { members(source: "fx-older-2022") { node { id } } } }',
    ]) {
      const result = await graph.execute(operation);
      expect(result.errors).toBeUndefined();
    }
  });
});
