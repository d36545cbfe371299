import type { RunningServer } from '../../src/server/server';
import { openTemporaryStore } from '../helpers/stores';
import { post, serve } from '../security/support/http';

/** The limits plugin keeps the cost of accepted operations per document, operation and variables. */
describe('Operation limits: priced once per request shape', () => {
  let server: RunningServer;
  let dispose: () => Promise<void>;

  beforeAll(async () => {
    const opened = await openTemporaryStore();
    server = await serve(opened.store, { limits: { maxCost: 500, maxQueryDepth: 6 } });
    dispose = opened.dispose;
  });
  afterAll(async () => {
    await server.close();
    await dispose();
  });

  const query =
    'query Page($first: Int!) { companies(first: $first) { edges { node { id memberships { node { name } } } } } }';

  test('the same request twice reports the same cost', async () => {
    const first = await post(server, { query, variables: { first: 1 } });
    const second = await post(server, { query, variables: { first: 1 } });
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect(second.body.extensions?.cost).toEqual(first.body.extensions?.cost);
  });

  test('other variables are priced anew, and a refusal is never kept', async () => {
    for (let i = 0; i < 2; i += 1) {
      const { status, body } = await post(server, { query, variables: { first: 200 } });
      expect(status).toBe(400);
      expect(body.errors?.[0]?.extensions).toMatchObject({ limit: 'maxCost' });
    }
    const small = await post(server, { query, variables: { first: 2 } });
    expect(small.status).toBe(200);
  });
});
