import http from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { graphChecksum } from '../../src/export/graph-checksum';
import { explainUnavailable } from '../../src/cli/server-marker';
import { ReadOnlyStoreError, StoreUnavailableError } from '../../src/store/errors';
import { fixture } from '../helpers/import-files';
import { listeningPort, spawnServe, waitFor, type ServeProcess } from '../helpers/serve-process';
import { openEmbeddedStore } from '../helpers/stores';

const KEY = 'workers-test-key-0123456789';
const RANKING = `{ ranking(input: { membersOf: "anpact", membersAsOf: "2026", metric: "exports", period: "2026-01", destination: "US" }) {
  rows { rank subject { id } value } } }`;
const ZETA = '{ company(id: "zeta-logistics") { name } }';
const WORKERS = /2 read-only workers \(pids (\d+), (\d+)\)/;

interface Answer {
  readonly status: number;
  readonly worker: string | undefined;
  readonly body: {
    data?: unknown;
    errors?: { message: string; extensions: { code: string } }[];
    dryRun?: boolean;
  };
}

/** One request on a connection of its own, as separate clients send them (each is handed to a worker in turn). */
function request(
  port: number,
  method: string,
  target: string,
  body?: string | Buffer,
  headers = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const outgoing = http.request(
      { host: '127.0.0.1', port, method, path: target, agent: false, headers },
      (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            worker: response.headers['x-tradegraph-worker'] as string | undefined,
            body: JSON.parse(text) as Answer['body'],
          }),
        );
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

const graphql = (port: number, query: string): Promise<Answer> =>
  request(port, 'POST', '/graphql', JSON.stringify({ query }), { 'content-type': 'application/json' });

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('tradegraph serve --workers 2 on the embedded engine', () => {
  let directory = '';
  let database = '';
  let served: ServeProcess;
  let port = 0;
  let pids: number[] = [];

  beforeAll(async () => {
    directory = mkdtempSync(path.join(os.tmpdir(), 'tradegraph-workers-'));
    database = path.join(directory, 'db');
    served = spawnServe(database, { TRADEGRAPH_RATE_LIMIT: '0', TRADEGRAPH_API_KEYS: KEY }, [
      '--workers',
      '2',
    ]);
    port = await listeningPort(served);
    pids = (WORKERS.exec(served.output.stdout) ?? []).slice(1).map(Number);
  }, 90_000);

  afterAll(() => {
    if (served.child.exitCode === null) served.child.kill('SIGKILL');
    for (const pid of pids) if (alive(pid)) process.kill(pid, 'SIGKILL');
    rmSync(directory, { recursive: true, force: true });
  });

  test('says so at the start, with one process id per worker', () => {
    expect(served.output.stdout).toMatch(WORKERS);
    expect(pids).toHaveLength(2);
    expect(new Set([...pids, served.child.pid]).size).toBe(3);
  });

  test('answers the headline ranking, from both workers alike', async () => {
    const answers = await Promise.all(Array.from({ length: 8 }, () => graphql(port, RANKING)));
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      expect(answer.body.errors).toBeUndefined();
      expect(answer.body).toEqual(answers[0]?.body);
    }
    expect((answers[0]?.body.data as { ranking: { rows: unknown[] } }).ranking.rows.length).toBeGreaterThan(
      0,
    );
    expect(new Set(answers.map((answer) => answer.worker))).toEqual(new Set(['1', '2']));
    const health = await request(port, 'GET', '/health');
    expect([health.status, health.body]).toEqual([200, { status: 'ok', engine: 'embedded' }]);
  });

  test('an import and a mutation are refused READ_ONLY, saying what to do; the graph is unchanged', async () => {
    // Readers do not exclude one another: the test reads the graph beside the workers.
    const reader = await openEmbeddedStore({ directory: database, readOnly: { reason: 'a test reads' } });
    try {
      const before = await graphChecksum(reader);
      const file = readFileSync(fixture('graph.jsonl'));
      const headers = { authorization: `Bearer ${KEY}`, 'content-type': 'application/octet-stream' };
      for (const _attempt of [1, 2]) {
        const refused = await request(port, 'POST', '/import?filename=graph.jsonl', file, headers);
        expect(refused.status).toBe(503);
        expect(refused.body.errors?.[0]?.extensions.code).toBe('READ_ONLY');
        expect(refused.body.errors?.[0]?.message).toMatch(/2 read-only workers.*--workers 1/);
      }
      // A dry run only reads: it still answers.
      const preview = await request(port, 'POST', '/import?filename=graph.jsonl&dryRun=true', file, headers);
      expect([preview.status, preview.body.dryRun]).toEqual([200, true]);
      const mutation = await graphql(port, 'mutation { anything }');
      expect(mutation.status).toBe(503);
      expect(mutation.body.errors?.[0]?.extensions.code).toBe('READ_ONLY');
      expect((await graphql(port, ZETA)).body.data).toEqual({ company: null });
      expect(await graphChecksum(reader)).toEqual(before);
      await expect(reader.transaction(async () => undefined)).rejects.toThrow(ReadOnlyStoreError);
    } finally {
      await reader.close();
    }
  });

  test('no other process can open the database to write while the workers read it, and is told why', async () => {
    const refused = await openEmbeddedStore({ directory: database }).then(
      () => null,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(StoreUnavailableError);
    const explained = explainUnavailable(refused as StoreUnavailableError, {
      engine: 'embedded',
      directory: database,
      queryTimeoutMs: 10_000,
    });
    expect(explained).toMatch(/with 2 read-only workers .*which take no imports/);
    expect(explained).toMatch(/serve with --workers 1/);
  });

  test('a worker that dies is replaced, and the server goes on answering', async () => {
    const [victim] = pids;
    process.kill(victim ?? 0, 'SIGKILL');
    const again = /worker (\d) \(pid (\d+)\) is serving again/;
    await waitFor(() => again.test(served.output.stdout), 'a worker to replace the one killed', 60_000);
    expect(served.output.stderr).toMatch(
      new RegExp(`worker \\d \\(pid ${victim}\\) was killed \\(SIGKILL\\); starting another`),
    );
    const replacement = Number(again.exec(served.output.stdout)?.[2]);
    pids = [...pids.filter((pid) => pid !== victim), replacement];
    const answers = await Promise.all(Array.from({ length: 6 }, () => graphql(port, RANKING)));
    expect(answers.map((answer) => answer.status)).toEqual(Array(6).fill(200));
    expect(new Set(answers.map((answer) => answer.worker))).toEqual(new Set(['1', '2']));
  }, 90_000);

  test('SIGTERM drains every worker; the server exits 0 and leaves no process', async () => {
    served.child.kill('SIGTERM');
    expect(await served.exited).toBe(0);
    expect(pids.filter(alive)).toEqual([]);
    expect(served.output.stdout).toMatch(/SIGTERM: draining 2 workers[\s\S]*stopped\n$/);
  }, 60_000);
});

describe('tradegraph serve --workers: a start that fails', () => {
  test('a worker that cannot listen stops the start with its error', async () => {
    const directory = mkdtempSync(path.join(os.tmpdir(), 'tradegraph-workers-'));
    const taken = net.createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const { port } = taken.address() as net.AddressInfo;
    try {
      const served = spawnServe(path.join(directory, 'db'), { PORT: String(port) }, ['--workers', '2']);
      expect(await served.exited).toBe(1);
      expect(served.output.stderr).toMatch(/EADDRINUSE/);
      expect(served.output.stderr).toMatch(
        /worker \d exited with code 1 while starting .*the server did not start/,
      );
      expect(served.output.stdout).not.toMatch(/playground/);
    } finally {
      taken.close();
      rmSync(directory, { recursive: true, force: true });
    }
  }, 90_000);

  test('--workers takes a whole number from 1 to 64', async () => {
    const directory = mkdtempSync(path.join(os.tmpdir(), 'tradegraph-workers-'));
    try {
      const served = spawnServe(path.join(directory, 'db'), {}, ['--workers', '0']);
      expect(await served.exited).toBe(1);
      expect(served.output.stderr).toMatch(/--workers must be a whole number from 1 to 64, not "0"/);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  }, 60_000);
});
