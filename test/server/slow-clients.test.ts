import net from 'node:net';
import { readConfig } from '../../src/config';
import { connectionsCheckingInterval, type RunningServer } from '../../src/server/server';
import type { EmbeddedStore } from '../../src/store/embedded/embedded-store';
import { openTemporaryStore } from '../helpers/stores';
import { serve } from '../security/support/http';

/** Small bounds so the test is short; the defaults (10 s, 30 s) are checked the same way, scaled. */
const HEADERS_TIMEOUT_MS = 1_000;
const REQUEST_TIMEOUT_MS = 2_000;
/** How late a close may come: Node's checking interval plus scheduling on a loaded machine. */
const TOLERANCE_MS = 400;

/**
 * Opens a raw connection, sends `first`, then one byte of `drip` every 100 ms, and resolves with
 * the time from connecting until the server closed the connection, and what it answered.
 */
function trickle(url: string, first: string, drip: string): Promise<{ ms: number; answer: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname);
    let answer = '';
    let started = 0;
    let index = 0;
    let timer: NodeJS.Timeout | undefined;
    socket.setEncoding('utf8');
    socket.on('connect', () => {
      started = Date.now();
      socket.write(first);
      timer = setInterval(() => {
        if (socket.writable && index < drip.length) socket.write(drip[index++] ?? '');
      }, 100);
    });
    socket.on('data', (chunk: string) => {
      answer += chunk;
    });
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearInterval(timer);
      resolve({ ms: Date.now() - started, answer });
    });
    setTimeout(() => {
      clearInterval(timer);
      socket.destroy();
      reject(new Error('the server never closed the slow connection'));
    }, 20_000).unref();
  });
}

describe('Slow clients are cut off at the configured bounds', () => {
  let store: EmbeddedStore;
  let dispose: () => Promise<void>;
  let server: RunningServer;

  beforeAll(async () => {
    ({ store, dispose } = await openTemporaryStore());
    server = await serve(store, {
      http: { headersTimeoutMs: HEADERS_TIMEOUT_MS, requestTimeoutMs: REQUEST_TIMEOUT_MS },
    });
  });
  afterAll(async () => {
    await server.close();
    await dispose();
  });

  test('headers sent slowly: 408 and closed at the headers timeout', async () => {
    const { ms, answer } = await trickle(
      server.url,
      'POST /graphql HTTP/1.1\r\nHost: localhost\r\n',
      `X-Slow: ${'a'.repeat(200)}\r\n`,
    );
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
    expect(ms).toBeGreaterThanOrEqual(HEADERS_TIMEOUT_MS - 50);
    expect(ms).toBeLessThan(HEADERS_TIMEOUT_MS + TOLERANCE_MS);
  });

  test('a body sent slowly: 408 and closed at the request timeout', async () => {
    const body = JSON.stringify({ query: `{ metrics { name } } #${'x'.repeat(200)}` });
    const { ms, answer } = await trickle(
      server.url,
      `POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`,
      body,
    );
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
    expect(ms).toBeGreaterThanOrEqual(REQUEST_TIMEOUT_MS - 50);
    expect(ms).toBeLessThan(REQUEST_TIMEOUT_MS + TOLERANCE_MS);
  });

  test('a client that keeps to the bounds is served', async () => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ metrics { name } }' }),
    });
    expect(response.status).toBe(200);
  });

  test('the bounds come from the environment; Node checks them often enough to hold', () => {
    const defaults = readConfig({}).http;
    expect([defaults.headersTimeoutMs, defaults.requestTimeoutMs]).toEqual([10_000, 30_000]);
    // Node's default interval (30 s) would let a slow client stay up to 30 s past either bound.
    expect(connectionsCheckingInterval(10_000, 30_000)).toBe(500);
    expect(connectionsCheckingInterval(HEADERS_TIMEOUT_MS, REQUEST_TIMEOUT_MS)).toBe(50);
    const set = readConfig({ TRADEGRAPH_HEADERS_TIMEOUT_MS: '5000', TRADEGRAPH_REQUEST_TIMEOUT_MS: '20000' });
    expect([set.http.headersTimeoutMs, set.http.requestTimeoutMs]).toEqual([5_000, 20_000]);
    expect(() => readConfig({ TRADEGRAPH_HEADERS_TIMEOUT_MS: '40000' })).toThrow(
      /TRADEGRAPH_HEADERS_TIMEOUT_MS: must not be longer than TRADEGRAPH_REQUEST_TIMEOUT_MS/,
    );
  });
});
