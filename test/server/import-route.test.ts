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

/** Several files as one multipart/form-data request, each part named by its file name. */
async function uploadFiles(
  server: RunningServer,
  query: string,
  files: readonly (readonly [string, string])[],
  extraFields: readonly (readonly [string, string])[] = [],
): Promise<ImportAnswer> {
  const form = new FormData();
  for (const [name, text] of files) form.append('file', new Blob([text]), name);
  for (const [name, value] of extraFields) form.append(name, value);
  const response = await fetch(`${server.url}/import?${query}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${KEY}` },
    body: form,
  });
  return { status: response.status, body: (await response.json()) as ImportAnswer['body'] };
}

const line = (record: Record<string, unknown>): string => `${JSON.stringify(record)}\n`;
const ETA_SOURCE = line({
  kind: 'Source',
  id: 'fx-multi-note',
  title: 'Fixture note for a change of several files',
  publisher: 'Fixture Press',
  published: '2026-04',
  url: 'https://example.org/fixture/multi-note',
  language: 'en',
});
/** Refers to the source above before it is given: the files are one change. */
const ETA_FACTS =
  line({
    kind: 'Company',
    id: 'eta-freight',
    name: 'Eta Freight',
    companyType: 'logistics',
    sources: ['fx-multi-note'],
  }) +
  line({
    kind: 'Statistic',
    id: 'eta-employees-2026-fx',
    subject: 'eta-freight',
    metric: 'employees',
    value: 120,
    unit: 'persons',
    period: '2026',
    source: 'fx-multi-note',
  });

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

  describe('several files as multipart/form-data, checked together as one change', () => {
    test('a statistic may come before its source; a dry run writes nothing, the import writes all', async () => {
      const before = await graphChecksum(store);
      const files = [
        ['a-facts.jsonl', ETA_FACTS],
        ['b-sources.jsonl', ETA_SOURCE],
      ] as const;
      const dry = await uploadFiles(server, 'dryRun=true', files);
      expect(dry.status).toBe(200);
      expect(dry.body).toMatchObject({
        dryRun: true,
        records: 3,
      });
      expect(dry.body.files?.map((file) => file.file).sort()).toEqual(['a-facts.jsonl', 'b-sources.jsonl']);
      expect(await graphChecksum(store)).toEqual(before);

      const applied = await uploadFiles(server, '', files);
      expect(applied.status).toBe(200);
      expect(applied.body.nodes?.Company).toEqual({ created: 1, updated: 0, unchanged: 0 });
      expect(
        (
          await post(server, {
            query: '{ company(id: "eta-freight") { name statistics { value source { id } } } }',
          })
        ).body.data,
      ).toEqual({
        company: { name: 'Eta Freight', statistics: [{ value: 120, source: { id: 'fx-multi-note' } }] },
      });
    });

    test("a possible duplicate names the file as the client did, never the server's temporary path", async () => {
      const answer = await uploadFiles(server, 'dryRun=true', [
        [
          'dup.jsonl',
          line({
            kind: 'Company',
            id: 'zeta-logistics-2',
            name: 'ZETA LOGISTICS',
            sources: ['fx-import-note'],
          }),
        ],
      ]);
      expect(answer.status).toBe(200);
      expect(JSON.stringify(answer.body)).not.toMatch(/tradegraph-upload-/);
      expect((answer.body as { possibleDuplicates?: unknown }).possibleDuplicates).toEqual([
        expect.objectContaining({
          id: 'zeta-logistics-2',
          file: 'dup.jsonl',
          matches: [expect.objectContaining({ id: 'zeta-logistics' })],
        }),
      ]);
    });

    test('a problem in one file refuses the whole change, naming the file as the client did', async () => {
      const before = await graphChecksum(store);
      const answer = await uploadFiles(server, '', [
        ['good.jsonl', ETA_SOURCE.replace(/fx-multi-note/g, 'fx-multi-two')],
        ['bad.jsonl', line({ kind: 'Company', id: 'theta', name: 'Theta', sources: ['fx-nowhere'] })],
      ]);
      expect(answer.status).toBe(422);
      expect(answer.body.errors?.[0]?.message).toMatch(
        /problem\(s\) in good\.jsonl, bad\.jsonl; nothing was written/,
      );
      expect(answer.body.errors?.[0]?.extensions.problems).toEqual([
        expect.objectContaining({ file: 'bad.jsonl', line: 1, record: 'theta', field: 'sources.0' }),
      ]);
      expect(JSON.stringify(answer.body)).not.toMatch(/tradegraph-upload-/);
      expect(await graphChecksum(store)).toEqual(before);
    });

    test('sameAs: a record merged into the stored node, one file or several; errors name the client’s files', async () => {
      const merge = line({ kind: 'Company', id: 'zeta-2', sameAs: 'zeta-logistics', aliases: ['Zeta MX'] });
      const statistic = line({
        id: 'zeta-2-employees-2025',
        subject: 'zeta-2',
        metric: 'employees',
        value: 280,
        unit: 'persons',
        period: '2025',
        source: 'fx-import-note',
      });
      const single = await upload(server, 'filename=merge.jsonl&dryRun=true', merge);
      expect(single.status).toBe(200);
      expect(single.body).toMatchObject({
        merges: [{ kind: 'Company', id: 'zeta-2', into: 'zeta-logistics', file: 'merge.jsonl', line: 1 }],
        changes: [
          {
            kind: 'Company',
            id: 'zeta-logistics',
            mergedFrom: 'zeta-2',
            fields: [{ field: 'aliases', before: [], after: ['Zeta MX'], overwrites: false }],
          },
        ],
      });

      // The statistic's file is read first (named for its kind): it names the new id before its record.
      const applied = await uploadFiles(server, '', [
        ['b-merge.jsonl', merge],
        ['a.statistics.jsonl', statistic],
      ]);
      expect(applied.status).toBe(200);
      expect(applied.body.nodes?.Company).toEqual({ created: 0, updated: 1, unchanged: 0 });
      const query = '{ company(id: "zeta-logistics") { aliases statistics(period: "2025") { id } } }';
      expect((await post(server, { query })).body.data).toEqual({
        company: { aliases: ['Zeta MX'], statistics: [{ id: 'zeta-2-employees-2025' }] },
      });
      expect((await post(server, { query: '{ node(id: "zeta-2") { id } }' })).body.data).toEqual({
        node: null,
      });

      const before = await graphChecksum(store);
      const chain = await uploadFiles(server, '', [
        ['first.jsonl', line({ kind: 'Company', id: 'zeta-4', sameAs: 'zeta-3', aliases: ['Z4'] })],
        ['second.jsonl', line({ kind: 'Company', id: 'zeta-3', sameAs: 'zeta-logistics', aliases: ['Z3'] })],
      ]);
      expect(chain.status).toBe(422);
      expect(chain.body.errors?.[0]?.extensions.problems).toEqual([
        {
          file: 'first.jsonl',
          line: 1,
          record: 'zeta-4',
          field: 'sameAs',
          message:
            'names "zeta-3", which this change itself merges by sameAs into "zeta-logistics" (second.jsonl:1); ' +
            'chains of sameAs are not followed: name "zeta-logistics" here',
        },
      ]);
      expect(await graphChecksum(store)).toEqual(before);
    });

    test('a bad multipart body is refused with what to do, and writes nothing', async () => {
      const before = await graphChecksum(store);
      const twice = await uploadFiles(server, '', [
        ['same.jsonl', ETA_SOURCE],
        ['same.jsonl', ETA_SOURCE],
      ]);
      expect(twice.status).toBe(400);
      expect(twice.body.errors?.[0]?.message).toBe(
        'File "same.jsonl" is sent twice; each file of a change needs its own name',
      );
      const unsafe = await uploadFiles(server, '', [['companies.txt', 'id,name\n']]);
      expect(unsafe.status).toBe(400);
      expect(unsafe.body.errors?.[0]?.message).toMatch(
        /^File "companies\.txt": the name must be a plain file name/,
      );
      const field = await uploadFiles(server, '', [['ok.jsonl', ETA_SOURCE]], [['dryRun', 'true']]);
      expect(field.status).toBe(400);
      expect(field.body.errors?.[0]?.message).toMatch(
        /^Part "dryRun" is a form field, not a file: options go in the query/,
      );
      const none = await uploadFiles(server, '', []);
      expect(none.status).toBe(400);
      expect(none.body.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
      const large = await uploadFiles(server, '', [['big.jsonl', ' '.repeat(65 * 1024)]]);
      expect(large.status).toBe(413);
      expect(large.body.errors?.[0]?.message).toBe('The request is larger than 64 KB');
      expect(await graphChecksum(store)).toEqual(before);
    });
  });
});
