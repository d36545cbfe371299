import { defaultDataDirectory } from '../../src/import/dataset';
import { createTradeGraph, type TradeGraph } from '../../src/trade-graph';
import { openCountingStore, query } from '../helpers/graphs';

const NESTED = `query($id: ID!, $asOf: String) {
  association(id: $id) {                       # level 1: the association
    members(asOf: $asOf) {                     # level 2: its member claims
      node {
        statistics(metric: "exports") {        # level 3: every member's statistics
          value
          destination { id name }              # level 4: each statistic's destination
          source { title }
        }
      }
    }
  }
}`;

describe('DataLoader batching', () => {
  let graph: TradeGraph;
  let calls: string[];
  let dispose: () => Promise<void>;

  beforeAll(async () => {
    const opened = await openCountingStore(defaultDataDirectory());
    calls = opened.calls;
    dispose = opened.dispose;
    graph = await createTradeGraph({ store: opened.store, dataDirectory: defaultDataDirectory() });
  });
  afterAll(async () => dispose());

  async function roundTrips(id: string, asOf?: string): Promise<{ trips: number; members: number }> {
    calls.length = 0;
    const data = await query<{ association: { members: unknown[] } }>(graph, NESTED, { id, asOf });
    return { trips: calls.length, members: data.association.members.length };
  }

  test('a 4-level nested query makes no more store round trips than its depth, whatever the member count', async () => {
    const large = await roundTrips('anpact');
    const small = await roundTrips('anpact', '2023-11');
    expect(large.members).toBeGreaterThan(10);
    expect(small.members).toBeLessThan(large.members);
    expect(large.trips).toBeLessThanOrEqual(4);
    expect(large.trips).toBe(small.trips);
  });

  test('loaders live for one request: a second request reads the store again', async () => {
    const first = await roundTrips('anpact');
    const second = await roundTrips('anpact');
    expect(second.trips).toBe(first.trips);
    expect(second.trips).toBeGreaterThan(0);
  });
});
