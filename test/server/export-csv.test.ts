import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { readConfig } from '../../src/config';
import { defaultDataDirectory } from '../../src/import/dataset';
import { startServer, type RunningServer } from '../../src/server/server';
import { openTemporaryStore } from '../helpers/stores';
import { cliEntry } from '../helpers/cli-build';

const HEADLINE = `{ ranking(input: { membersOf: "anpact", membersAsOf: "2026", metric: "exports", period: "2026-01", destination: "US" }) {
  rows { rank subject { name } value coverage broaderThanAsked statistics { value } }
} }`;

describe('GET /export.csv', () => {
  let server: RunningServer;
  let dispose: () => Promise<void>;

  beforeAll(async () => {
    const opened = await openTemporaryStore();
    dispose = opened.dispose;
    const config = readConfig({ TRADEGRAPH_MAX_QUERY_DEPTH: '6' });
    server = await startServer({
      config: { ...config, port: 0, dataDirectory: defaultDataDirectory() },
      store: opened.store,
    });
  });
  afterAll(async () => {
    await server.close();
    await dispose();
  });

  const exportCsv = (query: string, extra: Record<string, string> = {}): Promise<Response> =>
    fetch(`${server.url}/export.csv?${new URLSearchParams({ query, ...extra }).toString()}`);

  test('the headline ranking as one flat CSV, each row citing its source', async () => {
    const response = await exportCsv(HEADLINE);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(response.headers.get('content-disposition')).toContain('attachment');
    const rows = parseCsv(await response.text(), { columns: true }) as Record<string, string>[];
    expect(
      rows.map((row) => [
        row['rows.subject.name'],
        row['rows.value'],
        row['rows.statistics.source.publisher'],
      ]),
    ).toEqual([
      ['Freightliner', '3556', 'El Horizonte'],
      ['Freightliner', '3556', 'FreightWaves'],
      ['International', '1445', 'FreightWaves'],
    ]);
    for (const row of rows) {
      expect(row['rows.coverage']).toBe('all destinations');
      expect(row['rows.statistics.source.title']).not.toBe('');
      expect(row['rows.statistics.source.url']).toMatch(/^https?:\/\//);
      expect(row).toHaveProperty(['rows.statistics.source.published']);
    }
  });

  test('GET /export?flat&query=… is the same export, byte for byte', async () => {
    const flat = await fetch(
      `${server.url}/export?${new URLSearchParams({ flat: '', query: HEADLINE }).toString()}`,
    );
    expect(flat.status).toBe(200);
    expect(flat.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(flat.headers.get('content-disposition')).toContain('attachment');
    expect(await flat.text()).toBe(await (await exportCsv(HEADLINE)).text());
    const refused = await fetch(`${server.url}/export?flat`);
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({
      errors: [{ message: expect.stringMatching(/"flat" goes with query/) }],
    });
  });

  test('variables are passed as JSON', async () => {
    const response = await exportCsv('query ($id: ID!) { company(id: $id) { name } }', {
      variables: JSON.stringify({ id: 'freightliner' }),
    });
    expect(await response.text()).toBe('name\r\nFreightliner\r\n');
  });

  test('mutations, bad variables and missing queries are refused with a message', async () => {
    const mutation = await exportCsv('mutation { anything }');
    expect(mutation.status).toBe(400);
    expect(await mutation.json()).toMatchObject({
      errors: [{ message: expect.stringMatching(/queries only/) }],
    });
    const variables = await exportCsv('{ metrics { name } }', { variables: '[1]' });
    expect(variables.status).toBe(400);
    const missing = await fetch(`${server.url}/export.csv`);
    expect(missing.status).toBe(400);
    expect(await missing.json()).toMatchObject({
      errors: [{ message: expect.stringMatching(/Give the GraphQL query/) }],
    });
  });

  test("the server's limits apply: too deep a query is refused before it runs", async () => {
    const response = await exportCsv(
      '{ company(id: "freightliner") { memberships { node { relations { node { relations { node { name } } } } } } } }',
    );
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0]?.extensions.code).toBe('BAD_USER_INPUT');
    expect(body.errors[0]?.message).toMatch(/depth/i);
  });
});

describe('tradegraph export --query … --flat', () => {
  test('writes the same CSV GET /export.csv gives', () => {
    const directory = mkdtempSync(path.join(os.tmpdir(), 'tradegraph-flat-'));
    try {
      const queryFile = path.join(directory, 'headline.graphql');
      writeFileSync(queryFile, HEADLINE);
      const out = path.join(directory, 'headline.csv');
      execFileSync(
        process.execPath,
        [...cliEntry(), 'export', '--query', queryFile, '--flat', '--out', out],
        {
          env: { ...process.env, TRADEGRAPH_DB_DIR: path.join(directory, 'db') },
          encoding: 'utf8',
          timeout: 60_000,
        },
      );
      const rows = parseCsv(readFileSync(out, 'utf8'), { columns: true }) as Record<string, string>[];
      expect(rows.map((row) => row['rows.statistics.source.publisher'])).toEqual([
        'El Horizonte',
        'FreightWaves',
        'FreightWaves',
      ]);
      expect(Object.keys(rows[0] ?? {})).toContain('rows.statistics.source.url');
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
