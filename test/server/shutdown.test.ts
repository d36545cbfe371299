import { readFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { countNodes } from '../../src/store/catalog';
import { statisticLines, writeFiles } from '../helpers/import-files';
import { listeningPort, serveSandbox, spawnServe, type ServeProcess } from '../helpers/serve-process';
import { FIXTURE_DATASET, openEmbeddedStore } from '../helpers/stores';

const API_KEY = 'shutdown-test-key-0123456789';

/** `tradegraph serve` as a child process, listening; writes open (rate limit off). */
async function serve(
  database: string,
  extra: Record<string, string> = {},
): Promise<ServeProcess & { port: number }> {
  const served = spawnServe(database, { TRADEGRAPH_RATE_LIMIT: '0', ...extra });
  return { ...served, port: await listeningPort(served) };
}

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('SIGTERM: what is in flight is finished', () => {
  const sandbox = serveSandbox('tradegraph-shutdown-');

  test('a large response a slow client is still reading arrives whole', async () => {
    const { child, port, exited } = await serve(path.join(sandbox.directory(), 'db'));
    sandbox.track(child);
    const expected = readFileSync(require.resolve('graphiql/graphiql.min.js')).length;
    expect(expected).toBeGreaterThan(3_000_000);

    const socket = net.connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      socket.pause();
    });
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    // Keep-alive (HTTP/1.1's default): the server decides when the connection ends.
    socket.write(`GET /playground/graphiql.js HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`);
    await pause(500);

    child.kill('SIGTERM');
    await pause(1000);
    // The client reads slowly: a chunk at a time, with pauses.
    const reader = setInterval(() => socket.resume(), 5);
    await closed;
    clearInterval(reader);
    const response = Buffer.concat(chunks);
    const headerEnd = response.indexOf('\r\n\r\n');
    const head = response.subarray(0, headerEnd).toString('latin1');
    expect(head).toMatch(/^HTTP\/1\.1 200 OK/);
    expect(Number(/content-length: (\d+)/i.exec(head)?.[1])).toBe(expected);
    expect(response.length - headerEnd - 4).toBe(expected);
    expect(await exited).toBe(0);
  });

  test('keep-alive connections are closed gracefully, never reset', async () => {
    const { child, port, exited } = await serve(path.join(sandbox.directory(), 'db'));
    sandbox.track(child);
    const agent = new http.Agent({ keepAlive: true, maxSockets: 20 });
    const errors: string[] = [];
    let answered = 0;
    let closing = 0;
    let stopping = false;
    const get = (): Promise<void> =>
      new Promise((resolve, reject) => {
        const request = http.get({ host: '127.0.0.1', port, path: '/health', agent }, (response) => {
          if (response.headers.connection === 'close') closing += 1;
          response.resume();
          response.on('end', () => {
            answered += 1;
            resolve();
          });
        });
        request.on('error', reject);
      });
    const worker = async (): Promise<void> => {
      for (;;) {
        try {
          await get();
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
          errors.push(code);
          if (stopping) return;
        }
      }
    };
    const workers = Array.from({ length: 20 }, () => worker());
    await pause(1000);
    const before = answered;
    stopping = true;
    child.kill('SIGTERM');
    await Promise.all(workers);
    agent.destroy();
    expect(before).toBeGreaterThan(20);
    // Each connection's last response said so; then the client found the server gone (refused),
    // never a connection reset under a request.
    expect(closing).toBeGreaterThanOrEqual(1);
    expect(errors.filter((code) => code !== 'ECONNREFUSED')).toEqual([]);
    expect(await exited).toBe(0);
  });

  test('an import running when SIGTERM comes is answered before the process exits, within the grace period', async () => {
    const database = path.join(sandbox.directory(), 'db');
    const grace = 4000;
    const { child, port, exited } = await serve(database, {
      TRADEGRAPH_API_KEYS: API_KEY,
      TRADEGRAPH_DATA_DIR: FIXTURE_DATASET,
      TRADEGRAPH_SHUTDOWN_GRACE_MS: String(grace),
    });
    sandbox.track(child);
    let exitedAt = 0;
    const done = exited.then((code) => {
      exitedAt = Date.now();
      return code;
    });
    const files = writeFiles({ 'statistics.jsonl': statisticLines(60_000, 'shutdown') });
    try {
      const body = readFileSync(files.paths['statistics.jsonl'] as string);
      let answeredAt = 0;
      const answer = fetch(`http://127.0.0.1:${port}/import?filename=statistics.jsonl`, {
        method: 'POST',
        headers: { 'x-api-key': API_KEY, 'content-type': 'application/x-ndjson' },
        body,
      }).then(async (response) => {
        const json = (await response.json()) as { errors?: { extensions: { code: string } }[] };
        answeredAt = Date.now();
        return { status: response.status, json };
      });
      await pause(2000);
      const signalledAt = Date.now();
      child.kill('SIGTERM');
      const { status, json } = await answer;
      expect(await done).toBe(0);
      expect(answeredAt).toBeLessThanOrEqual(exitedAt);
      expect(exitedAt - signalledAt).toBeLessThan(grace + 2500);
      expect([200, 503]).toContain(status);
      if (status === 503) expect(json.errors?.[0]?.extensions.code).toBe('SERVICE_UNAVAILABLE');

      // What the client was told is what the graph holds.
      const reopened = await openEmbeddedStore({ directory: database });
      try {
        const statistics = (await reopened.read(countNodes, {})).find(
          (row) => row.kind === 'Statistic',
        )?.count;
        if (status === 200) expect(statistics).toBeGreaterThanOrEqual(60_000);
        else expect(statistics).toBeLessThan(100);
      } finally {
        await reopened.close();
      }
    } finally {
      files.remove();
    }
  }, 120_000);
});
