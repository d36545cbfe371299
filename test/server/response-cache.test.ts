import { readFileSync } from 'node:fs';
import type { RunningServer } from '../../src/server/server';
import type { EmbeddedStore } from '../../src/store/embedded/embedded-store';
import { CachedStore } from '../../src/store/read-cache';
import { fixture } from '../helpers/import-files';
import { openTemporaryStore } from '../helpers/stores';
import { post, serve } from '../security/support/http';

const KEY = 'response-cache-key-0123456789ab';
const COMPANY = 'query Company($id: ID!) { company(id: $id) { id name aliases sources { title } } }';
const ZETA = { query: '{ company(id: "zeta-logistics") { name } }' };

async function importGraph(server: RunningServer): Promise<void> {
  const response = await fetch(`${server.url}/import?filename=graph.jsonl`, {
    method: 'POST',
    headers: { authorization: `Bearer ${KEY}` },
    body: readFileSync(fixture('graph.jsonl')),
  });
  expect(response.status).toBe(200);
  await response.text();
}

describe('whole responses kept until the next write', () => {
  let store: EmbeddedStore;
  let cached: CachedStore;
  let server: RunningServer;
  let dispose: () => Promise<void>;

  beforeAll(async () => {
    ({ store, dispose } = await openTemporaryStore());
    cached = new CachedStore(store);
    server = await serve(cached, { http: { apiKeys: [KEY] } });
  });
  afterAll(async () => {
    await server?.close();
    await dispose?.();
  });

  test('a repeated query is answered from the kept response: same body and cost, no store read', async () => {
    const request = { query: COMPANY, variables: { id: 'freightliner' } };
    const first = await post(server, request);
    expect(first.body.errors).toBeUndefined();
    expect(first.headers.get('age')).toBeNull();
    const reads = cached.stats();
    const second = await post(server, request);
    expect(second.headers.get('age')).not.toBeNull();
    expect(second.body).toEqual(first.body);
    expect(second.body.extensions?.cost).toBeDefined();
    // A browser or proxy cannot know when the next write happens: it must not keep answers itself.
    expect(second.headers.get('cache-control')).toBe('no-store');
    const after = cached.stats();
    expect(after.hits + after.misses + after.joined).toBe(reads.hits + reads.misses + reads.joined);
  });

  test('other variables are another question, answered for themselves', async () => {
    const a = await post(server, { query: COMPANY, variables: { id: 'freightliner' } });
    const b = await post(server, { query: COMPANY, variables: { id: 'international' } });
    expect((a.body.data?.company as { id: string }).id).toBe('freightliner');
    expect((b.body.data?.company as { id: string }).id).toBe('international');
  });

  test('an answer with errors is never kept', async () => {
    const request = { query: '{ search(text: "", first: 3) { score } }' };
    const first = await post(server, request);
    expect(first.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const second = await post(server, request);
    expect(second.headers.get('age')).toBeNull();
    expect(second.body).toEqual(first.body);
  });

  test('an import makes the next answer new, and that one is kept in turn', async () => {
    expect((await post(server, ZETA)).body.data).toEqual({ company: null });
    const kept = await post(server, ZETA);
    expect(kept.headers.get('age')).not.toBeNull();
    expect(kept.body.data).toEqual({ company: null });

    await importGraph(server);

    const fresh = await post(server, ZETA);
    expect(fresh.headers.get('age')).toBeNull();
    expect(fresh.body.data).toEqual({ company: { name: 'Zeta Logistics' } });
    const again = await post(server, ZETA);
    expect(again.headers.get('age')).not.toBeNull();
    expect(again.body.data).toEqual({ company: { name: 'Zeta Logistics' } });
  });
});

describe('without the store read cache', () => {
  test('no response is kept: the server cannot know when the graph changes', async () => {
    const { store, dispose } = await openTemporaryStore();
    const server = await serve(store);
    try {
      await post(server, ZETA);
      const second = await post(server, ZETA);
      expect(second.headers.get('age')).toBeNull();
      expect(second.headers.get('cache-control')).toBe('no-store');
    } finally {
      await server.close();
      await dispose();
    }
  });
});
