import type { RunningServer } from '../../src/server/server';
import { openCountingStore } from '../helpers/graphs';
import { post, serve } from '../security/support/http';

describe('Operation limits over HTTP', () => {
  let server: RunningServer;
  let calls: string[];
  let dispose: () => Promise<void>;

  beforeAll(async () => {
    const opened = await openCountingStore();
    calls = opened.calls;
    dispose = opened.dispose;
    server = await serve(opened.store, { limits: { maxCost: 500, maxQueryDepth: 6 } });
  });
  afterAll(async () => {
    await server.close();
    await dispose();
  });
  beforeEach(() => {
    calls.length = 0;
  });

  test('an accepted operation reports its cost in extensions', async () => {
    const { status, body } = await post(server, { query: '{ company(id: "freightliner") { name } }' });
    expect(status).toBe(200);
    expect(body.extensions?.cost).toEqual({ requested: 2, limit: 500, depth: 2, maxDepth: 6 });
    expect(calls.length).toBeGreaterThan(0);
  });

  test('over the cost budget: 400 naming the limit, no store call', async () => {
    const { status, body } = await post(server, {
      query: '{ companies(first: 200) { edges { node { id name memberships { node { name } } } } } }',
    });
    expect(status).toBe(400);
    expect(body.data).toBeUndefined();
    expect(body.errors).toEqual([
      {
        message: expect.stringMatching(/estimated cost is \d+; this server allows at most 500 \(maxCost\)/),
        extensions: { code: 'BAD_USER_INPUT', limit: 'maxCost', requested: expect.any(Number), max: 500 },
      },
    ]);
    expect(calls).toEqual([]);
  });

  test('too deep: 400 naming the limit, no store call', async () => {
    const { status, body } = await post(server, {
      query:
        '{ association(id: "anpact") { members { node { relations { node { relations { node { id } } } } } } } }',
    });
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions).toMatchObject({ limit: 'maxQueryDepth', requested: 8, max: 6 });
    expect(calls).toEqual([]);
  });

  test('only the chosen operation is priced', async () => {
    const query = `query Small { metrics { name } }
      query Large { companies(first: 200) { edges { node { memberships { node { name } } } } } }`;
    const small = await post(server, { query, operationName: 'Small' });
    expect(small.status).toBe(200);
    const large = await post(server, { query, operationName: 'Large' });
    expect(large.status).toBe(400);
  });

  test('batched requests are refused', async () => {
    const { status } = await post(server, [
      { query: '{ metrics { name } }' },
      { query: '{ metrics { name } }' },
    ]);
    expect(status).toBe(400);
    expect(calls).toEqual([]);
  });
});
