import { readFileSync } from 'node:fs';
import path from 'node:path';
import { format } from 'node:util';
import createDebug from 'debug';
import { CLIENT_ERROR_CODES } from '../../src/graphql/errors';
import type { RunningServer } from '../../src/server/server';
import { MAX_JSON_DEPTH } from '../../src/server/server';
import type { EmbeddedStore } from '../../src/store/embedded/embedded-store';
import { openTemporaryStore } from '../helpers/stores';
import { INTERNAL_DETAIL, post, serve } from '../security/support/http';

const KEY = 'front-door-key-0123456789';

/** A JSON array nested `depth` deep around `1`, as text (JSON.stringify itself overflows at depth). */
const nested = (depth: number): string => `${'['.repeat(depth)}1${']'.repeat(depth)}`;

/** An operation whose variable is a list, so a nested array reaches GraphQL's variable coercion. */
const TYPES_QUERY = 'query($t: [RelationshipType!]) { neighbours(id: "MX", types: $t) { truncated } }';

describe('The front door', () => {
  let store: EmbeddedStore;
  let dispose: () => Promise<void>;
  const servers: RunningServer[] = [];

  beforeAll(async () => {
    ({ store, dispose } = await openTemporaryStore());
  });
  afterAll(async () => {
    for (const server of servers) await server.close();
    await dispose();
  });

  async function start(overrides: Parameters<typeof serve>[1] = {}): Promise<RunningServer> {
    const server = await serve(store, overrides);
    servers.push(server);
    return server;
  }

  describe('JSON nested too deep is refused before anything walks it', () => {
    let server: RunningServer;
    beforeAll(async () => {
      server = await start();
    });

    const refusal = {
      errors: [
        {
          message: `The request's JSON nests more than ${MAX_JSON_DEPTH} levels deep (maxJsonDepth); no variable of this API needs more than a few.`,
          extensions: { code: 'BAD_REQUEST', limit: 'maxJsonDepth', max: MAX_JSON_DEPTH },
        },
      ],
    };

    test('variables nested 5,000 deep in a POST: 400 BAD_REQUEST, not 500', async () => {
      const body = `{"query":${JSON.stringify(TYPES_QUERY)},"variables":{"t":${nested(5_000)}}}`;
      const response = await post(server, body);
      expect(response.status).toBe(400);
      expect(response.body).toEqual(refusal);
    });

    test('a body nested deep anywhere, and strings that only look nested, are judged right', async () => {
      const deepExtensions = `{"query":"{ metrics { name } }","extensions":{"x":${nested(100_000)}}}`;
      expect((await post(server, deepExtensions)).status).toBe(400);
      // Brackets inside strings (with escaped quotes) are text, not nesting.
      const text = `["\\"${'['.repeat(5_000)}"]`;
      const inString = await post(server, {
        query: 'query($t: String!) { search(text: $t) { score } }',
        variables: { t: text },
      });
      expect(inString.status).toBe(200);
      expect(inString.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(inString.body.errors?.[0]?.message).toMatch(/text/);
    });

    test('nesting at the bound reaches GraphQL and gets its ordinary error', async () => {
      // The body and the variables object take two levels.
      const body = `{"query":${JSON.stringify(TYPES_QUERY)},"variables":{"t":${nested(MAX_JSON_DEPTH - 2)}}}`;
      const response = await post(server, body);
      expect(response.status).toBeLessThan(500);
      expect(response.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      const over = `{"query":${JSON.stringify(TYPES_QUERY)},"variables":{"t":${nested(MAX_JSON_DEPTH - 1)}}}`;
      expect((await post(server, over)).body).toEqual(refusal);
    });

    test('variables nested 2,000 deep in a GET (as deep as a URL allows): 400 BAD_REQUEST', async () => {
      const url = `${server.url}/graphql?query=${encodeURIComponent(TYPES_QUERY)}&variables=${encodeURIComponent(`{"t":${nested(2_000)}}`)}`;
      const response = await fetch(url, { headers: { 'apollo-require-preflight': 'true' } });
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual(refusal);
    });

    test('the server still answers afterwards', async () => {
      const response = await post(server, { query: '{ metrics { name } }' });
      expect(response.status).toBe(200);
    });
  });

  describe('failed authentications are counted per address', () => {
    test('past 10 wrong keys a minute: 429 with Retry-After, keys no longer checked', async () => {
      const server = await start({ http: { apiKeys: [KEY], authFailuresPerMinute: 10, trustProxy: true } });
      const from = (address: string, key: string) =>
        post(server, { query: '{ metrics { name } }' }, { 'x-forwarded-for': address, 'x-api-key': key });
      const statuses: number[] = [];
      for (let guess = 0; guess < 12; guess += 1)
        statuses.push((await from('198.51.100.20', `guess-${guess}-0123456789abcdef`)).status);
      expect(statuses).toEqual([401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 429, 429]);
      const limited = await from('198.51.100.20', 'another-guess-0123456789');
      expect(limited.status).toBe(429);
      // One failure refills every 6 s: the client is told to come back then.
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(Number(limited.headers.get('retry-after'))).toBeLessThanOrEqual(6);
      expect(limited.body.errors?.[0]).toEqual({
        message: expect.stringMatching(/^Too many requests with a key that is not valid from this address/),
        extensions: { code: 'RATE_LIMITED' },
      });
      // Even the right key is not checked from that address until the allowance refills...
      expect((await from('198.51.100.20', KEY)).status).toBe(429);
      // ...reads without a key still go through, and other addresses are unaffected.
      const read = await post(
        server,
        { query: '{ metrics { name } }' },
        { 'x-forwarded-for': '198.51.100.20' },
      );
      expect(read.status).toBe(200);
      expect((await from('198.51.100.21', 'guess-other-0123456789abcdef')).status).toBe(401);
      expect((await from('198.51.100.21', KEY)).status).toBe(200);
    });

    test('a valid key is never counted as a failure', async () => {
      const server = await start({ http: { apiKeys: [KEY], authFailuresPerMinute: 2 } });
      for (let i = 0; i < 5; i += 1) {
        const response = await post(server, { query: '{ metrics { name } }' }, { 'x-api-key': KEY });
        expect(response.status).toBe(200);
      }
    });
  });

  test('/health says ok and the engine, nothing about the machine', async () => {
    const server = await start();
    const response = await fetch(`${server.url}/health`);
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({ status: 'ok', engine: 'embedded' });
    expect(text).not.toMatch(INTERNAL_DETAIL);
  });

  describe('a mutation is answered as what it is: this API has none', () => {
    const READ_ONLY =
      'This API is read-only over GraphQL: it has no mutations. Writes go through POST /import (a file, with an API key; see the README) or the tradegraph import command.';

    test('with a valid key, without one, and on a server with no keys: 400 BAD_REQUEST', async () => {
      const keyed = await start({ http: { apiKeys: [KEY] } });
      const closed = await start({ http: { apiKeys: [] } });
      const cases = [
        await post(keyed, { query: 'mutation { anything }' }, { authorization: `Bearer ${KEY}` }),
        await post(keyed, { query: 'mutation { anything }' }),
        await post(closed, { query: 'mutation Named { x }' }),
      ];
      for (const response of cases) {
        expect(response.status).toBe(400);
        expect(JSON.parse(response.text)).toMatchObject({
          errors: [{ extensions: { code: 'BAD_REQUEST' } }],
        });
        expect(response.body.errors?.[0]?.message).toBe(READ_ONLY);
        expect(response.body.data).toBeUndefined();
      }
    });
  });

  test('an unknown /playground/ path answers like the rest of the API', async () => {
    const server = await start();
    for (const path of ['/playground/nope.js', '/playground/', '/playground/graphiql.css/x', '/nowhere']) {
      const response = await fetch(`${server.url}${path}`);
      expect([path, response.status, response.headers.get('content-type')]).toEqual([
        path,
        404,
        'application/json; charset=utf-8',
      ]);
      expect(await response.json()).toEqual({
        errors: [{ message: 'Not found', extensions: { code: 'NOT_FOUND' } }],
      });
    }
  });

  test("every code a client can receive is in SECURITY.md's table, and only those", () => {
    const security = readFileSync(path.join(__dirname, '..', '..', 'SECURITY.md'), 'utf8');
    const table = security.slice(
      security.indexOf('| code '),
      security.indexOf('User input never becomes Cypher'),
    );
    const documented = [...table.matchAll(/^\| `([A-Z_]+)`/gm)].map((match) => match[1]);
    expect([...documented].sort()).toEqual([...CLIENT_ERROR_CODES].sort());
  });

  test('persisted queries and unknown operation names get their documented codes', async () => {
    const server = await start();
    const hash = { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } };
    const persisted = await post(server, { extensions: hash });
    expect(persisted.body.errors).toEqual([
      {
        message: 'Persisted queries are turned off on this server: send the whole query.',
        extensions: { code: 'PERSISTED_QUERY_NOT_SUPPORTED' },
      },
    ]);
    const unknown = await post(server, { query: 'query A { metrics { name } }', operationName: 'B' });
    expect([unknown.status, unknown.body.errors?.[0]?.extensions?.code]).toEqual([
      400,
      'OPERATION_RESOLUTION_FAILURE',
    ]);
    for (const response of [persisted, unknown])
      expect(CLIENT_ERROR_CODES).toContain(response.body.errors?.[0]?.extensions?.code);
  });

  test('the log gets the detail a client does not, and never a key', async () => {
    const lines: string[] = [];
    const namespaces = createDebug.disable();
    const previous = createDebug.log;
    createDebug.log = (...args: unknown[]) => void lines.push(format(...args));
    createDebug.enable('tradegraph:audit,tradegraph:server');
    try {
      const own = await openTemporaryStore();
      const server = await serve(own.store, { http: { apiKeys: [KEY] } });
      await post(server, { query: '{ metrics { name } }' }, { 'x-api-key': 'wrong-key-0123456789abcdef' });
      await post(server, { query: '{ metrics { name } }' }, { 'x-api-key': KEY });
      await own.store.close();
      const health = await fetch(`${server.url}/health`);
      expect([health.status, await health.json()]).toEqual([
        503,
        { status: 'unavailable', engine: 'embedded' },
      ]);
      await server.close();
      await own.dispose().catch(() => undefined);
    } finally {
      createDebug.log = previous;
      createDebug.enable(namespaces);
    }
    const log = lines.join('\n');
    expect(log).toMatch(/refused an invalid API key from \S*127\.0\.0\.1/);
    expect(log).toMatch(/health: the store is unavailable: /);
    expect(log).not.toContain('wrong-key-0123456789abcdef');
    expect(log).not.toContain(KEY);
  });
});
