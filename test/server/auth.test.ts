import { extendSchema, parse, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import type { GraphContext } from '../../src/graphql/context';
import { tradeGraphSchema } from '../../src/graphql/schema';
import { ApiKeys, presentedKey } from '../../src/server/auth';
import type { RunningServer } from '../../src/server/server';
import { getMeta, setMeta } from '../../src/store/catalog';
import type { EmbeddedStore } from '../../src/store/embedded/embedded-store';
import { openTemporaryStore } from '../helpers/stores';
import { post, serve } from '../security/support/http';
import type { Request } from 'express';

const KEY = 'test-key-0123456789abcdef';
const OTHER_KEY = 'second-key-fedcba9876543210';

/**
 * The trade graph's schema plus a mutation that really writes (a marker in the store's meta
 * records), standing in for the mutations to come: the guard must apply to any mutation.
 */
function schemaWithMutation(): { schema: GraphQLSchema; runs: string[] } {
  const runs: string[] = [];
  const schema = extendSchema(
    tradeGraphSchema(),
    parse(`
      "Changes to the graph."
      type Mutation {
        "Records a marker in the store."
        mark("The marker to record." value: String!): String!
      }
      extend schema { mutation: Mutation }
    `),
  );
  const resolve: GraphQLFieldResolver<unknown, GraphContext, { value: string }> = async (
    _source,
    args,
    ctx,
  ) => {
    runs.push(args.value);
    await ctx.store.transaction((tx) => tx.run(setMeta, { key: 'test-marker', value: args.value }));
    return args.value;
  };
  const field = schema.getMutationType()?.getFields().mark;
  if (!field) throw new Error('the test mutation is missing');
  field.resolve = resolve as GraphQLFieldResolver<unknown, unknown>;
  return { schema, runs };
}

const MARK = { query: 'mutation Mark($v: String!) { mark(value: $v) }' };

describe('Writes need an API key', () => {
  let store: EmbeddedStore;
  let server: RunningServer;
  let closed: RunningServer;
  let runs: string[];
  let dispose: () => Promise<void>;

  async function marker(): Promise<string | null> {
    const rows = await store.read(getMeta, { key: 'test-marker' });
    return rows[0]?.value ?? null;
  }

  beforeAll(async () => {
    const opened = await openTemporaryStore();
    store = opened.store;
    dispose = opened.dispose;
    const built = schemaWithMutation();
    runs = built.runs;
    server = await serve(store, { http: { apiKeys: [KEY, OTHER_KEY] } }, { schema: built.schema });
    closed = await serve(store, { http: { apiKeys: [] } }, { schema: built.schema });
  });
  afterAll(async () => {
    await server.close();
    await closed.close();
    await dispose();
  });
  beforeEach(() => {
    runs.length = 0;
  });

  test('reads need no key', async () => {
    const { status, body } = await post(server, { query: '{ company(id: "freightliner") { name } }' });
    expect(status).toBe(200);
    expect(body.data).toEqual({ company: { name: 'Freightliner' } });
  });

  test('a mutation without a key gets 401 and changes nothing', async () => {
    const { status, headers, body } = await post(server, { ...MARK, variables: { v: 'anonymous' } });
    expect(status).toBe(401);
    expect(headers.get('www-authenticate')).toBe('Bearer realm="tradegraph"');
    expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(body.data).toBeUndefined();
    expect(runs).toEqual([]);
    expect(await marker()).not.toBe('anonymous');
  });

  test('a mutation with a valid key runs', async () => {
    const bearer = await post(
      server,
      { ...MARK, variables: { v: 'bearer' } },
      { authorization: `Bearer ${KEY}` },
    );
    expect(bearer.status).toBe(200);
    expect(bearer.body.data).toEqual({ mark: 'bearer' });
    expect(await marker()).toBe('bearer');
    const header = await post(server, { ...MARK, variables: { v: 'header' } }, { 'x-api-key': OTHER_KEY });
    expect(header.body.data).toEqual({ mark: 'header' });
    expect(await marker()).toBe('header');
  });

  test('a wrong key gets 401, even for a read', async () => {
    const attempts: Record<string, string>[] = [
      { authorization: `Bearer ${KEY}x` },
      { authorization: `Bearer ${KEY.slice(0, -1)}` },
      { authorization: `Basic ${Buffer.from(`user:${KEY}`).toString('base64')}` },
      { 'x-api-key': '' },
      { authorization: `Bearer ${KEY}`, 'x-api-key': OTHER_KEY },
    ];
    for (const headers of attempts) {
      const read = await post(server, { query: '{ metrics { name } }' }, headers);
      expect([headers, read.status, read.body.errors?.[0]?.extensions?.code]).toEqual([
        headers,
        401,
        'UNAUTHENTICATED',
      ]);
    }
    const write = await post(
      server,
      { ...MARK, variables: { v: 'wrong' } },
      { authorization: 'Bearer wrong' },
    );
    expect(write.status).toBe(401);
    expect(runs).toEqual([]);
  });

  test('with no keys, every mutation is forbidden', async () => {
    const { status, body } = await post(closed, { ...MARK, variables: { v: 'closed' } });
    expect(status).toBe(403);
    expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const withKey = await post(
      closed,
      { ...MARK, variables: { v: 'closed' } },
      { authorization: `Bearer ${KEY}` },
    );
    expect(withKey.status).toBe(401);
    expect(runs).toEqual([]);
  });

  test('a mutation cannot be sent as a GET', async () => {
    const url = `${server.url}/graphql?query=${encodeURIComponent('mutation { mark(value: "get") }')}`;
    const response = await fetch(url, {
      headers: { 'apollo-require-preflight': 'true', authorization: `Bearer ${KEY}` },
    });
    expect(response.status).toBe(405);
    await response.arrayBuffer();
    expect(runs).toEqual([]);
  });

  test('other state-changing routes need a key', async () => {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      for (const route of ['/import', '/no-such-route']) {
        const anonymous = await fetch(`${server.url}${route}`, { method, body: '{}' });
        expect([method, route, anonymous.status]).toEqual([method, route, 401]);
        await anonymous.arrayBuffer();
      }
      const keyed = await fetch(`${server.url}/no-such-route`, {
        method,
        body: '{}',
        headers: { 'x-api-key': KEY },
      });
      // Past the guard, the route does not exist.
      expect([method, keyed.status]).toEqual([method, 404]);
      await keyed.arrayBuffer();
    }
    // Past the guard, the import route answers (here: its file name is missing).
    const keyedImport = await fetch(`${server.url}/import`, {
      method: 'POST',
      body: '{}',
      headers: { 'x-api-key': KEY },
    });
    expect(keyedImport.status).toBe(400);
    await keyedImport.arrayBuffer();
    const forbidden = await fetch(`${closed.url}/import`, { method: 'POST', body: '{}' });
    expect(forbidden.status).toBe(403);
    await forbidden.arrayBuffer();
    const read = await fetch(`${server.url}/health`);
    expect(read.status).toBe(200);
    await read.arrayBuffer();
  });
});

describe('API key checks', () => {
  const request = (headers: Record<string, string>): Request =>
    ({ get: (name: string) => headers[name.toLowerCase()] }) as unknown as Request;

  test('keys are read from a bearer token or X-API-Key only', () => {
    expect(presentedKey(request({}))).toBeNull();
    expect(presentedKey(request({ authorization: 'Bearer abc' }))).toBe('abc');
    expect(presentedKey(request({ authorization: 'bearer   abc ' }))).toBe('abc');
    expect(presentedKey(request({ 'x-api-key': ' abc ' }))).toBe('abc');
    expect(presentedKey(request({ authorization: 'Bearer abc', 'x-api-key': 'abc' }))).toBe('abc');
    expect(presentedKey(request({ authorization: 'Bearer abc', 'x-api-key': 'abd' }))).toBeUndefined();
    expect(presentedKey(request({ authorization: 'Basic abc' }))).toBeUndefined();
    expect(presentedKey(request({ authorization: 'Bearer a b' }))).toBeUndefined();
    expect(presentedKey(request({ authorization: 'Bearer' }))).toBeUndefined();
  });

  test('only a configured key matches, exactly', () => {
    const keys = new ApiKeys([KEY, OTHER_KEY]);
    expect(keys.configured).toBe(true);
    expect(keys.matches(KEY)).toBe(true);
    expect(keys.matches(OTHER_KEY)).toBe(true);
    for (const wrong of ['', KEY.slice(0, -1), `${KEY} `, KEY.toUpperCase(), `${KEY}${OTHER_KEY}`]) {
      expect([wrong, keys.matches(wrong)]).toEqual([wrong, false]);
    }
    expect(new ApiKeys([]).configured).toBe(false);
    expect(new ApiKeys([]).matches('')).toBe(false);
  });
});
