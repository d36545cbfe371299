import { getIntrospectionQuery } from 'graphql';
import type { RunningServer } from '../../src/server/server';
import type { EmbeddedStore } from '../../src/store/embedded/embedded-store';
import { openTemporaryStore } from '../helpers/stores';
import { post, serve } from '../security/support/http';

/** What issue 11 sent: the schema's fields, their arguments and descriptions, `copies` times over. */
const manySchemas = (copies: number): string =>
  `{ ${Array.from({ length: copies }, (_, i) => `s${i}: __schema { types { fields { description args { description } } } }`).join(' ')} }`;

/** The introspection query GraphiQL sends when the playground opens. */
const PLAYGROUND_INTROSPECTION = getIntrospectionQuery({
  descriptions: true,
  inputValueDeprecation: true,
  specifiedByUrl: true,
  directiveIsRepeatable: true,
  schemaDescription: true,
});

describe('Introspection is priced by what it returns', () => {
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

  test("the playground's introspection is accepted, and priced near the schema's size", async () => {
    const server = await start();
    const { status, body } = await post(server, { query: PLAYGROUND_INTROSPECTION });
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    const cost = body.extensions?.cost as { requested: number; limit: number };
    // One per type, field, argument, enum value and type reference returned: about 1,900.
    expect(cost.requested).toBeGreaterThan(1_000);
    expect(cost.requested).toBeLessThan(cost.limit / 2);
  });

  test("one copy of the schema's fields costs about types + fields + arguments", async () => {
    const server = await start();
    const { status, body } = await post(server, { query: manySchemas(1) });
    expect(status).toBe(200);
    const requested = (body.extensions?.cost as { requested: number }).requested;
    const types = await post(server, { query: '{ __schema { types { name } } }' });
    const typeCount = (types.body.data?.__schema as { types: unknown[] }).types.length;
    expect(requested).toBeGreaterThan(typeCount * 5);
    expect(requested).toBeLessThan(typeCount * 15);
  });

  test('130 aliases of the schema: refused before running, by the alias cap', async () => {
    const server = await start();
    const { status, body, text } = await post(server, { query: manySchemas(130) });
    expect(status).toBe(400);
    expect(body.errors).toEqual([
      {
        message:
          'The operation asks for "__schema" under 130 different names (aliases) in one selection; this server allows at most 10 (maxAliases). Ask for it once, or split the operation.',
        extensions: { code: 'BAD_USER_INPUT', limit: 'maxAliases', requested: 130, max: 10 },
      },
    ]);
    expect(text.length).toBeLessThan(1_000);
  });

  test('with the alias cap raised, the same document is refused by its cost (was 780)', async () => {
    const server = await start({ limits: { maxAliases: 1_000 } });
    const { status, body } = await post(server, { query: manySchemas(130) });
    expect(status).toBe(400);
    const error = body.errors?.[0];
    expect(error?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', limit: 'maxCost', max: 10_000 });
    expect(error?.extensions?.requested).toBeGreaterThan(50_000);
  });

  test('aliases are counted across the fragments spread into one selection', async () => {
    const server = await start();
    const fragments = Array.from(
      { length: 11 },
      (_, i) => `fragment F${i} on Query { m${i}: metrics { name } }`,
    );
    const query = `{ ${fragments.map((_, i) => `...F${i}`).join(' ')} } ${fragments.join(' ')}`;
    const refused = await post(server, { query });
    expect(refused.body.errors?.[0]?.extensions).toMatchObject({ limit: 'maxAliases', requested: 11 });
    // Ten names for a field are fine; the field's own name is one more.
    const aliases = Array.from({ length: 10 }, (_, i) => `m${i}: metrics { name }`).join(' ');
    expect((await post(server, { query: `{ ${aliases} }` })).status).toBe(200);
    expect(
      (await post(server, { query: `{ ${aliases} metrics { name } }` })).body.errors?.[0]?.extensions,
    ).toMatchObject({
      limit: 'maxAliases',
      requested: 11,
    });
    // One field under its own name many times is one name.
    const same = `{ ${Array.from({ length: 30 }, () => 'metrics { name }').join(' ')} }`;
    const accepted = await post(server, { query: same });
    expect(accepted.status).toBe(200);
    expect(accepted.body.errors).toBeUndefined();
  });

  test('an answer larger than the response cap is replaced by a clear error, not cut', async () => {
    const server = await start({ http: { maxResponseBytes: 64 * 1024 } });
    const full = await post(await start(), { query: PLAYGROUND_INTROSPECTION });
    const fullBytes = Buffer.byteLength(full.text);
    expect(fullBytes).toBeGreaterThan(64 * 1024);
    const { status, body } = await post(server, { query: PLAYGROUND_INTROSPECTION });
    expect(status).toBe(400);
    expect(body.data).toBeUndefined();
    expect(body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      limit: 'maxResponseBytes',
      max: 64 * 1024,
    });
    expect(body.errors?.[0]?.message).toMatch(
      /^The answer is \d+ bytes; this server sends at most 65536 bytes \(maxResponseBytes\)/,
    );
    // Small answers still go through.
    expect((await post(server, { query: '{ metrics { name } }' })).status).toBe(200);
  });
});
