import { readConfig, type Config, type HttpConfig } from '../../../src/config';
import type { QueryLimits } from '../../../src/limits/query-limits';
import { defaultDataDirectory } from '../../../src/import/dataset';
import { startServer, type RunningServer, type ServerOptions } from '../../../src/server/server';
import type { GraphStore } from '../../../src/store/graph-store';

/** The default configuration (as with an empty environment) on a free loopback port, with overrides. */
export function testConfig(
  overrides: { http?: Partial<HttpConfig>; limits?: Partial<QueryLimits>; store?: Config['store'] } = {},
): Config {
  const base = readConfig({});
  return {
    ...base,
    port: 0,
    host: '127.0.0.1',
    dataDirectory: defaultDataDirectory(),
    ...(overrides.store ? { store: overrides.store } : {}),
    http: { ...base.http, ...overrides.http },
    limits: { ...base.limits, ...overrides.limits },
  };
}

/** Starts the real HTTP server on loopback over a store the test owns. */
export function serve(
  store: GraphStore,
  overrides: Parameters<typeof testConfig>[0] = {},
  options: Omit<ServerOptions, 'config' | 'store'> = {},
): Promise<RunningServer> {
  return startServer({ config: testConfig(overrides), store, ...options });
}

export interface GraphQLResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly body: {
    data?: Record<string, unknown> | null;
    errors?: { message: string; extensions?: Record<string, unknown>; path?: (string | number)[] }[];
    extensions?: Record<string, unknown>;
  };
  readonly text: string;
}

/** POSTs an operation to `/graphql` and reads the JSON answer (whatever its status). */
export async function post(
  server: { url: string },
  body: unknown,
  headers: Record<string, string> = {},
): Promise<GraphQLResponse> {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let parsed: GraphQLResponse['body'];
  try {
    parsed = JSON.parse(text) as GraphQLResponse['body'];
  } catch {
    throw new Error(`not JSON (HTTP ${response.status}): ${text.slice(0, 300)}`);
  }
  return { status: response.status, headers: response.headers, body: parsed, text };
}

/**
 * Signs of internal detail that must never reach a client: stack frames, source or dependency
 * paths, Cypher, engine or driver messages.
 */
export const INTERNAL_DETAIL =
  /\bat \S+ \(|\.(?:ts|js):\d+|node_modules|\/(?:work|tmp|home|usr|var)\/|\bMATCH\b|\bRETURN\b|\bUNWIND\b|\bDETACH\b|Binder exception|Parser exception|Runtime exception|Catalog exception|Copy exception|ladybug|kuzu|Neo4jError|Neo\.ClientError|statement "|StoreQueryError|StoreError|TypeError|ReferenceError|RangeError/i;
