import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import { readConfig } from '../../src/config';
import { markerPath } from '../../src/cli/server-marker';
import { exportGraph } from '../../src/export/export';
import { defaultDataDirectory } from '../../src/import/dataset';
import { projectRoot } from '../../src/paths';
import { startServer, type RunningServer } from '../../src/server/server';
import type { GraphStore } from '../../src/store/graph-store';
import { cliOn, type CliOnEngine } from '../helpers/cli';
import { openEmptyStore, testEngines } from '../helpers/engines';
import { childEnvironment, cliEntry } from '../helpers/cli-build';

jest.setTimeout(300_000);

async function exported(store: GraphStore, options: Parameters<typeof exportGraph>[2]): Promise<string> {
  const out = new PassThrough();
  let text = '';
  out.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  await exportGraph(store, out, options);
  out.end();
  return text;
}

describe.each(testEngines())('GET /export: tradegraph export over HTTP (%s)', (engine) => {
  let server: RunningServer;
  let dispose: () => Promise<void>;

  beforeAll(async () => {
    const opened = await openEmptyStore(engine);
    dispose = opened.dispose;
    const config = readConfig({});
    server = await startServer({
      config: { ...config, port: 0, dataDirectory: defaultDataDirectory() },
      store: opened.store,
    });
  });
  afterAll(async () => {
    await server.close();
    await dispose();
  });

  const get = (params: Record<string, string>): Promise<Response> =>
    fetch(`${server.url}/export?${new URLSearchParams(params).toString()}`);

  test('a neighbourhood as JSON Lines, byte for byte what tradegraph export writes', async () => {
    const response = await get({ format: 'jsonl', root: 'anpact', depth: '1' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
    expect(response.headers.get('content-disposition')).toContain('attachment');
    const body = await response.text();
    expect(body).toBe(await exported(server.store, { format: 'jsonl', root: 'anpact', depth: 1 }));
    const records = body
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { kind: string; id?: string });
    expect(records.some((record) => record.kind === 'Association' && record.id === 'anpact')).toBe(true);
    expect(records.some((record) => record.kind === 'Source')).toBe(true);
  });

  test('the whole graph as GraphML, and one kind as CSV', async () => {
    const graphml = await get({ format: 'graphml' });
    expect(graphml.status).toBe(200);
    expect(graphml.headers.get('content-type')).toMatch(/^application\/graphml\+xml/);
    const xml = await graphml.text();
    expect(xml).toContain('<graphml');
    expect(xml).toContain('id="freightliner"');
    expect(xml.trim().endsWith('</graphml>')).toBe(true);

    const csv = await get({ format: 'csv', kind: 'associations' });
    expect(csv.status).toBe(200);
    const lines = (await csv.text()).trim().split('\n');
    expect(lines[0]).toMatch(/^id,name,aliases/);
    expect(lines.some((line) => line.startsWith('anpact,'))).toBe(true);
  });

  test('what a query answers, with the query priced and checked like /graphql', async () => {
    const response = await get({
      format: 'jsonl',
      query: 'query($id: ID!) { association(id: $id) { id } }',
      variables: JSON.stringify({ id: 'amda' }),
    });
    expect(response.status).toBe(200);
    const ids = (await response.text())
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { kind: string; id?: string })
      .filter((record) => record.kind === 'Association')
      .map((record) => record.id);
    expect(ids).toEqual(['amda']);

    const mutation = await get({ format: 'jsonl', query: 'mutation { nothing }' });
    expect(mutation.status).toBeGreaterThanOrEqual(400);
    const invalid = await get({ format: 'jsonl', query: '{ association(id: "amda") { nope } }' });
    expect(invalid.status).toBe(400);
    expect(JSON.stringify(await invalid.json())).toContain('nope');
  });

  test('bad options are refused before anything is sent, naming the parameter', async () => {
    const cases: [Record<string, string>, number, string][] = [
      [{}, 400, 'format'],
      [{ format: 'xml' }, 400, 'format'],
      [{ format: 'csv' }, 400, 'kind'],
      [{ format: 'jsonl', root: 'anpact', depth: '99' }, 400, 'depth'],
      [{ format: 'jsonl', root: 'anpact', query: '{ x }' }, 400, 'root'],
      [{ format: 'jsonl', query: '{ x }', flat: 'true' }, 400, 'flat'],
      [{ root: 'anpact', query: '{ x }', flat: '' }, 400, 'leave out root'],
      [{ flat: '' }, 400, 'goes with query'],
      [{ format: 'graphml', root: 'no-such-entity' }, 404, 'no-such-entity'],
    ];
    for (const [params, status, named] of cases) {
      const response = await get(params);
      expect([params, response.status]).toEqual([params, status]);
      const body = (await response.json()) as { errors: { message: string }[] };
      expect(body.errors[0]?.message).toContain(named);
    }
  });
});

describe('A CLI command next to a running server (embedded)', () => {
  let cli: CliOnEngine;
  beforeAll(async () => {
    cli = await cliOn('embedded');
  });
  afterAll(async () => {
    await cli.dispose();
  });

  test('says the server holds the database and points to POST /import and GET /export', async () => {
    const env = childEnvironment(['DEBUG']);
    const child = spawn(process.execPath, [...cliEntry(), 'serve'], {
      cwd: projectRoot(),
      env: { ...env, ...cli.env, PORT: '0', HOST: '127.0.0.1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      const deadline = Date.now() + 120_000;
      while (!/API (http:\/\/\S+)\/graphql/.test(stdout)) {
        if (Date.now() > deadline || child.exitCode !== null)
          throw new Error(`server did not start: ${stdout}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const url = /API (http:\/\/\S+)\/graphql/.exec(stdout)?.[1] as string;
      expect(existsSync(markerPath(cli.env.TRADEGRAPH_DB_DIR as string))).toBe(true);

      const result = await cli.run(['export', '--format', 'jsonl', '--root', 'anpact']);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`held by a running tradegraph server (pid ${child.pid}, ${url})`);
      expect(result.stderr).toContain(`${url}/import?filename=`);
      expect(result.stderr).toContain(`${url}/export?format=jsonl`);
      expect(result.stderr).not.toMatch(/\bat \S+ \(/);

      // What the message points to works: the same export over HTTP.
      const response = await fetch(`${url}/export?format=jsonl&root=anpact`);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('"id":"anpact"');
    } finally {
      child.kill('SIGTERM');
      await exited;
    }
    // The note goes with the server.
    expect(existsSync(markerPath(cli.env.TRADEGRAPH_DB_DIR as string))).toBe(false);
  });
});
