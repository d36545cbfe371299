import { readFileSync } from 'node:fs';
import type { RunningServer } from '../../src/server/server';
import type { EmbeddedStore } from '../../src/store/embedded/embedded-store';
import { graphChecksum } from '../../src/export/graph-checksum';
import { fixture } from '../helpers/import-files';
import { openTemporaryStore } from '../helpers/stores';
import { post, serve } from '../security/support/http';

const KEY = 'import-key-0123456789abcdef';
const GRAPH = readFileSync(fixture('graph.jsonl'));
const ZETA = { query: '{ company(id: "zeta-logistics") { name } }' };

interface ImportAnswer {
  status: number;
  body: {
    records?: number;
    dryRun?: boolean;
    files?: { file: string }[];
    nodes?: Record<string, { created: number; updated: number; unchanged: number }>;
    errors?: { message: string; extensions: { code: string; [key: string]: unknown } }[];
  };
}

async function upload(
  server: RunningServer,
  query: string,
  body: string | Buffer,
  headers: Record<string, string> = { authorization: `Bearer ${KEY}` },
): Promise<ImportAnswer> {
  const response = await fetch(`${server.url}/import?${query}`, { method: 'POST', headers, body });
  return { status: response.status, body: (await response.json()) as ImportAnswer['body'] };
}

describe('POST /import', () => {
  let store: EmbeddedStore;
  let server: RunningServer;
  let dispose: () => Promise<void>;

  beforeAll(async () => {
    ({ store, dispose } = await openTemporaryStore());
    server = await serve(store, { http: { apiKeys: [KEY], maxImportBytes: 64 * 1024 } });
  });
  afterAll(async () => {
    await server.close();
    await dispose();
  });

  test('refuses a request without an API key, and writes nothing', async () => {
    const before = await graphChecksum(store);
    const answer = await upload(server, 'filename=graph.jsonl', GRAPH, {});
    expect(answer.status).toBe(401);
    expect(answer.body.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
    expect(await graphChecksum(store)).toEqual(before);
  });

  test('names a missing or unsafe file name', async () => {
    const missing = await upload(server, 'dryRun=true', GRAPH);
    expect(missing.status).toBe(400);
    expect(missing.body.errors?.[0]?.message).toMatch(/"filename" is required/);
    const unsafe = await upload(server, `filename=${encodeURIComponent('../etc/companies.csv')}`, GRAPH);
    expect(unsafe.status).toBe(400);
    expect(unsafe.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filename' });
  });

  test('a dry run reports what would change and writes nothing', async () => {
    const before = await graphChecksum(store);
    const answer = await upload(server, 'filename=graph.jsonl&dryRun=true', GRAPH);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ dryRun: true, records: 4, files: [{ file: 'graph.jsonl' }] });
    expect(answer.body.nodes?.Company).toEqual({ created: 1, updated: 0, unchanged: 0 });
    expect(await graphChecksum(store)).toEqual(before);
  });

  test('a file with problems is refused with each problem named, and writes nothing', async () => {
    const before = await graphChecksum(store);
    const bad = '{"kind":"Company","id":"omega","name":"Omega","sources":["no-such-source"]}\n';
    const answer = await upload(server, 'filename=bad.jsonl', bad);
    expect(answer.status).toBe(422);
    const error = answer.body.errors?.[0];
    expect(error?.extensions.code).toBe('BAD_USER_INPUT');
    expect(error?.extensions.problems).toEqual([
      expect.objectContaining({ file: 'bad.jsonl', line: 1, record: 'omega', field: 'sources.0' }),
    ]);
    expect(JSON.stringify(answer.body)).not.toMatch(/tradegraph-upload-/);
    expect(await graphChecksum(store)).toEqual(before);
  });

  test('imports a file, which the API then serves; importing it again changes nothing', async () => {
    expect((await post(server, ZETA)).body.data).toEqual({ company: null });
    const first = await upload(server, 'filename=graph.jsonl', GRAPH);
    expect(first.status).toBe(200);
    expect(first.body.nodes?.Company).toEqual({ created: 1, updated: 0, unchanged: 0 });
    expect((await post(server, ZETA)).body.data).toEqual({ company: { name: 'Zeta Logistics' } });

    const checksum = await graphChecksum(store);
    const second = await upload(server, 'filename=graph.jsonl', GRAPH);
    expect(second.body.nodes?.Company).toEqual({ created: 0, updated: 0, unchanged: 1 });
    expect(await graphChecksum(store)).toEqual(checksum);
  });

  test('refuses a file over the size limit', async () => {
    const before = await graphChecksum(store);
    const answer = await upload(server, 'filename=statistics.jsonl', Buffer.alloc(65 * 1024, 0x20));
    expect(answer.status).toBe(413);
    expect(answer.body.errors?.[0]?.message).toBe('The file is larger than 64 KB');
    expect(await graphChecksum(store)).toEqual(before);
  });
});
