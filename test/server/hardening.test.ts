import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { readConfig } from '../../src/config';
import { clientKey, rateLimit } from '../../src/server/rate-limit';
import type { RunningServer } from '../../src/server/server';
import { openTemporaryStore } from '../helpers/stores';
import { post, serve } from '../security/support/http';
import type { EmbeddedStore } from '../../src/store/embedded/embedded-store';

const KEY = 'hardening-key-0123456789';

const preflight = (url: string, origin: string): Promise<Response> =>
  fetch(`${url}/graphql`, {
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'content-type',
    },
  });

describe('HTTP hardening', () => {
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

  async function start(overrides: Parameters<typeof serve>[1]): Promise<RunningServer> {
    const server = await serve(store, overrides);
    servers.push(server);
    return server;
  }

  test('no cross-origin browser access by default', async () => {
    const server = await start({});
    const response = await preflight(server.url, 'https://elsewhere.example');
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    const simple = await post(
      server,
      { query: '{ metrics { name } }' },
      { origin: 'https://elsewhere.example' },
    );
    expect(simple.headers.get('access-control-allow-origin')).toBeNull();
  });

  test('listed origins get CORS access, others not', async () => {
    const server = await start({ http: { corsOrigins: ['https://research.example'] } });
    const allowed = await preflight(server.url, 'https://research.example');
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://research.example');
    expect(allowed.headers.get('access-control-allow-headers')).toMatch(/content-type/);
    const other = await preflight(server.url, 'https://elsewhere.example');
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  test('CORS origins are read and checked at start-up', () => {
    expect(readConfig({}).http.corsOrigins).toEqual([]);
    expect(
      readConfig({ TRADEGRAPH_CORS_ORIGINS: 'https://a.example, http://b.example:8080' }).http.corsOrigins,
    ).toEqual(['https://a.example', 'http://b.example:8080']);
    expect(() => readConfig({ TRADEGRAPH_CORS_ORIGINS: 'https://a.example/path' })).toThrow(
      /TRADEGRAPH_CORS_ORIGINS/,
    );
  });

  test('the body size cap is configurable', async () => {
    const server = await start({ http: { maxBodyBytes: 64 * 1024 } });
    const small = await post(server, { query: `{ metrics { name } } # ${'x'.repeat(60_000)}` });
    expect(small.status).toBe(200);
    const large = await post(server, { query: `{ metrics { name } } # ${'x'.repeat(70_000)}` });
    expect(large.status).toBe(413);
    expect(large.body.errors?.[0]).toEqual({
      message: 'Request body is larger than 64 KB',
      extensions: { code: 'BAD_REQUEST' },
    });
  });

  test('past its allowance an address gets 429; writers are not counted', async () => {
    const server = await start({ http: { rateLimitPerMinute: 5, apiKeys: [KEY] } });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1)
      statuses.push((await post(server, { query: '{ metrics { name } }' })).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    const limited = await post(server, { query: '{ metrics { name } }' });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(limited.body.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    const writer = await post(server, { query: '{ metrics { name } }' }, { authorization: `Bearer ${KEY}` });
    expect(writer.status).toBe(200);
    const health = await fetch(`${server.url}/health`);
    expect(health.status).toBe(200);
    await health.arrayBuffer();
  });

  test('request errors keep their code; 400 to graphql-response+json, 200 to plain JSON', async () => {
    const server = await start({});
    const cases: [unknown, string, RegExp][] = [
      [{ query: '{ company(id: "x") { nope } }' }, 'GRAPHQL_VALIDATION_FAILED', /Cannot query field "nope"/],
      [
        { query: '{ neighbours(id: "MX", direction: null) { truncated } }' },
        'GRAPHQL_VALIDATION_FAILED',
        /Direction!/,
      ],
      [{ query: '{ company(id: ' }, 'GRAPHQL_PARSE_FAILED', /Syntax Error/],
      [
        { query: 'query($n: Int!) { companies(first: $n) { edges { cursor } } }', variables: { n: 'x' } },
        'BAD_USER_INPUT',
        /Int cannot represent/,
      ],
    ];
    const accepts: [Record<string, string>, number, string][] = [
      [{ accept: 'application/graphql-response+json' }, 400, 'application/graphql-response+json'],
      [
        { accept: 'application/graphql-response+json, application/json;q=0.9' },
        400,
        'application/graphql-response+json',
      ],
      [{ accept: 'application/json' }, 200, 'application/json'],
      [{}, 200, 'application/json'],
    ];
    for (const [body, code, message] of cases) {
      for (const [headers, status, type] of accepts) {
        const response = await post(server, body, headers);
        expect([headers, response.status, response.body.errors?.[0]?.extensions?.code]).toEqual([
          headers,
          status,
          code,
        ]);
        expect(response.headers.get('content-type')).toMatch(new RegExp(`^${type.replace('+', '\\+')}`));
        expect(response.body.errors?.[0]?.message).toMatch(message);
        expect(response.body.data).toBeUndefined();
      }
    }
    // The server's own limits are not request errors of GraphQL's: they keep 400 either way.
    const strict = await start({ limits: { maxCost: 5 } });
    const tooCostly = await post(
      strict,
      { query: '{ companies(first: 10) { edges { cursor } } }' },
      { accept: 'application/json' },
    );
    expect([tooCostly.status, tooCostly.body.errors?.[0]?.extensions?.limit]).toEqual([400, 'maxCost']);
  });

  test('short API keys are refused at start-up, unprinted', () => {
    expect(readConfig({ TRADEGRAPH_API_KEYS: `${KEY}, second-key-0123456789` }).http.apiKeys).toEqual([
      KEY,
      'second-key-0123456789',
    ]);
    let message = '';
    try {
      readConfig({ TRADEGRAPH_API_KEYS: 'short-secret' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/TRADEGRAPH_API_KEYS: every key must be at least 16 characters/);
    expect(message).not.toContain('short-secret');
  });
});

describe('Rate limit', () => {
  async function limited(perMinute: number, clock: { now: number }) {
    const app = express();
    app.set('trust proxy', true);
    app.use(rateLimit({ perMinute, now: () => clock.now, maxClients: 3 }));
    app.get('/', (_request, response) => void response.send('ok'));
    const server = http.createServer(app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const get = async (from: string): Promise<number> =>
      fetch(`http://127.0.0.1:${port}/`, { headers: { 'x-forwarded-for': from } }).then(async (response) => {
        await response.arrayBuffer();
        return response.status;
      });
    return { get, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
  }

  test('the allowance refills over the minute', async () => {
    const clock = { now: 0 };
    const { get, close } = await limited(60, clock);
    try {
      for (let i = 0; i < 60; i += 1) expect(await get('198.51.100.7')).toBe(200);
      expect(await get('198.51.100.7')).toBe(429);
      expect(await get('198.51.100.8')).toBe(200);
      clock.now += 1_000;
      expect(await get('198.51.100.7')).toBe(200);
      expect(await get('198.51.100.7')).toBe(429);
      clock.now += 60_000;
      for (let i = 0; i < 60; i += 1) expect(await get('198.51.100.7')).toBe(200);
    } finally {
      await close();
    }
  });

  test('addresses of one IPv6 /64 share an allowance', async () => {
    const clock = { now: 0 };
    const { get, close } = await limited(2, clock);
    try {
      expect(await get('2001:db8:1:2::1')).toBe(200);
      expect(await get('2001:db8:1:2:ffff::9')).toBe(200);
      expect(await get('2001:db8:1:2::3')).toBe(429);
      expect(await get('2001:db8:1:3::1')).toBe(200);
    } finally {
      await close();
    }
  });

  test('a flood of addresses stays within the table bound', async () => {
    const clock = { now: 0 };
    const { get, close } = await limited(1, clock);
    try {
      for (const last of [1, 2, 3, 4, 5]) expect(await get(`203.0.113.${last}`)).toBe(200);
      // 203.0.113.1 was forgotten to make room, so it starts afresh.
      expect(await get('203.0.113.1')).toBe(200);
      expect(await get('203.0.113.5')).toBe(429);
    } finally {
      await close();
    }
  });

  test('clients are keyed by IPv4 address or IPv6 /64', () => {
    expect(clientKey('192.0.2.1')).toBe('192.0.2.1');
    expect(clientKey('::ffff:192.0.2.1')).toBe('192.0.2.1');
    expect(clientKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(clientKey('2001:0db8:0001:0002:0003:0004:0005:0006')).toBe('2001:db8:1:2::/64');
    expect(clientKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(clientKey('::1')).toBe('0:0:0:0::/64');
    expect(clientKey(undefined)).toBe('unknown');
  });
});
