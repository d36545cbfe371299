import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_LIMITS, PATH_LENGTH_CEILING, type QueryLimits } from './limits/query-limits.js';
import { projectPath } from './paths.js';

const count = (min: number, max: number, fallback: number) =>
  z.coerce.number().int().min(min).max(max).default(fallback);

/** A comma-separated list, blanks dropped. */
const list = z
  .string()
  .optional()
  .transform((value) =>
    (value ?? '')
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item.length > 0),
  );

/** Most server processes `tradegraph serve --workers` starts (each holds its own engine and caches). */
export const MAX_WORKERS = 64;

/** `--workers` / `TRADEGRAPH_WORKERS`: how many server processes share the port. */
const workerCount = z.coerce.number().int().min(1).max(MAX_WORKERS);

/**
 * The `--workers` option of `tradegraph serve`, checked like `TRADEGRAPH_WORKERS`; an error names
 * the option and the range.
 */
export function parseWorkers(value: string, option = '--workers'): number {
  const parsed = workerCount.safeParse(value);
  if (!parsed.success) {
    throw new Error(`${option} must be a whole number from 1 to ${MAX_WORKERS}, not "${value}"`);
  }
  return parsed.data;
}

/** Shortest API key accepted: a key that can be guessed is no key (use `openssl rand -hex 32`). */
export const MIN_API_KEY_LENGTH = 16;

/**
 * Settings from the environment, checked once at start-up. A bad value stops the process with
 * a message naming the variable, rather than failing later at request time.
 */
const environment = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().default('127.0.0.1'),
  TRADEGRAPH_DATA_DIR: z.string().optional(),
  TRADEGRAPH_DB_DIR: z.string().optional(),
  TRADEGRAPH_BUFFER_POOL_MB: z.coerce
    .number()
    .int()
    .min(64)
    .max(1024 * 1024)
    .optional(),
  TRADEGRAPH_QUERY_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  // Keyed reads waiting for a connection run as one statement (src/store/coalesce.ts); false only to measure it.
  TRADEGRAPH_COALESCE_READS: z.enum(['true', 'false']).default('true'),
  TRADEGRAPH_WRITE_TIMEOUT_MS: z.coerce.number().int().positive().default(600_000),
  // The store's answer cache (src/store/read-cache.ts); 0 turns it off. Unset: on for the embedded
  // engine, off for Neo4j (whose database other clients may write to).
  TRADEGRAPH_READ_CACHE_ENTRIES: z.coerce.number().int().min(0).max(10_000_000).optional(),
  TRADEGRAPH_READ_CACHE_MB: count(0, 64 * 1024, 64),
  // Whole responses kept until the next write (src/server/response-cache.ts); only with the read cache.
  TRADEGRAPH_RESPONSE_CACHE_MB: count(0, 64 * 1024, 32),
  TRADEGRAPH_MAX_FIRST: count(1, 10_000, DEFAULT_LIMITS.maxFirst),
  TRADEGRAPH_MAX_TRAVERSAL_DEPTH: count(1, 6, DEFAULT_LIMITS.maxTraversalDepth),
  TRADEGRAPH_MAX_PATH_LENGTH: count(1, PATH_LENGTH_CEILING, DEFAULT_LIMITS.maxPathLength),
  TRADEGRAPH_MAX_QUERY_DEPTH: count(2, 100, DEFAULT_LIMITS.maxQueryDepth),
  TRADEGRAPH_MAX_COST: count(1, 10_000_000, DEFAULT_LIMITS.maxCost),
  TRADEGRAPH_MAX_TOKENS: count(100, 1_000_000, DEFAULT_LIMITS.maxTokens),
  TRADEGRAPH_MAX_ALIASES: count(1, 10_000, DEFAULT_LIMITS.maxAliases),
  TRADEGRAPH_API_KEYS: list.refine((keys) => keys.every((key) => key.length >= MIN_API_KEY_LENGTH), {
    message: `every key must be at least ${MIN_API_KEY_LENGTH} characters long`,
  }),
  TRADEGRAPH_CORS_ORIGINS: list.refine(
    (origins) => origins.every((origin) => origin === '*' || /^https?:\/\/[^/\s]+$/.test(origin)),
    { message: 'give origins as scheme://host[:port] (no path), or * for any' },
  ),
  TRADEGRAPH_MAX_BODY_BYTES: count(1024, 1024 ** 3, 1024 ** 2),
  TRADEGRAPH_MAX_RESPONSE_BYTES: count(1024, 1024 ** 3, 4 * 1024 ** 2),
  TRADEGRAPH_MAX_IMPORT_BYTES: count(1024, 64 * 1024 ** 3, 256 * 1024 ** 2),
  TRADEGRAPH_RATE_LIMIT: count(0, 1_000_000, 600),
  TRADEGRAPH_AUTH_FAILURE_LIMIT: count(0, 1_000_000, 10),
  TRADEGRAPH_TRUST_PROXY: z.string().optional(),
  TRADEGRAPH_SHUTDOWN_GRACE_MS: count(0, 600_000, 10_000),
  // Imports of at least this many MiB are bulk writes (the embedded store builds them in a copy).
  TRADEGRAPH_BULK_IMPORT_MB: count(0, 1024 * 1024, 0),
  TRADEGRAPH_HEADERS_TIMEOUT_MS: count(100, 600_000, 10_000),
  TRADEGRAPH_REQUEST_TIMEOUT_MS: count(100, 3_600_000, 30_000),
  // Server processes sharing the port (src/server/cluster.ts); with the embedded engine they read only.
  TRADEGRAPH_WORKERS: workerCount.default(1),
  NEO4J_URI: z.string().optional(),
  NEO4J_USER: z.string().default('neo4j'),
  NEO4J_PASSWORD: z.string().optional(),
  NEO4J_DATABASE: z.string().optional(),
  NEO4J_CONNECTION_TIMEOUT_MS: count(100, 600_000, 5_000),
});

/** The answer cache in front of the store (see src/store/read-cache.ts); absent or 0 entries: none. */
export interface ReadCacheConfig {
  readonly maxEntries: number;
  readonly maxBytes: number;
}

export type StoreConfig =
  | {
      readonly engine: 'embedded';
      readonly directory: string;
      /** The embedded engine's page cache, in bytes (1 GiB unless set; bulk commands size their own). */
      readonly bufferPoolBytes?: number;
      readonly queryTimeoutMs: number;
      /** Bound on each statement of a write transaction (an import through the server, a load). */
      readonly writeTimeoutMs?: number;
      readonly readCache?: ReadCacheConfig;
      /** Open read-only, refusing every write with `reason` (a worker of `tradegraph serve --workers`). */
      readonly readOnly?: { readonly reason: string };
      /** Keyed reads waiting for a connection run as one statement (true unless set). */
      readonly coalesceReads?: boolean;
    }
  | {
      readonly engine: 'neo4j';
      readonly readCache?: ReadCacheConfig;
      readonly uri: string;
      readonly user: string;
      readonly password: string;
      readonly database?: string;
      readonly queryTimeoutMs: number;
      /** Bound on each write transaction. */
      readonly writeTimeoutMs?: number;
      /** How long the driver waits to connect before the store counts as unreachable. */
      readonly connectionTimeoutMs?: number;
    };

/** What the HTTP server lets in (see SECURITY.md). */
export interface HttpConfig {
  /** Keys that allow mutations (and any other write); none means writes are closed. */
  readonly apiKeys: readonly string[];
  /** Origins a browser may call the API from besides the server's own; `*` for any. */
  readonly corsOrigins: readonly string[];
  /** Largest request body accepted. */
  readonly maxBodyBytes: number;
  /** Largest answer sent to `/graphql` (serialised); a larger one is replaced by an error. */
  readonly maxResponseBytes: number;
  /** Largest file `POST /import` accepts (larger ones go through `tradegraph import`). */
  readonly maxImportBytes: number;
  /** Requests per minute one client address may make to `/graphql`; 0 turns the limit off. */
  readonly rateLimitPerMinute: number;
  /** Most memory whole responses kept until the next write may take (only with the read cache); 0 is off. */
  readonly responseCacheBytes: number;
  /** Failed authentications (a key that is not valid) per minute from one address; 0 is off. */
  readonly authFailuresPerMinute: number;
  /** Express's `trust proxy`: whose `X-Forwarded-For` names the client (false: nobody's). */
  readonly trustProxy: boolean | number | string;
  /** How long a stopping server lets requests in flight finish before cutting them off. */
  readonly shutdownGraceMs: number;
  /** Longest a client may take to send its request headers (then 408 and the connection is closed). */
  readonly headersTimeoutMs: number;
  /** Longest a client may take to send its whole request, headers and body. */
  readonly requestTimeoutMs: number;
}

export interface Config {
  readonly port: number;
  readonly host: string;
  /** The dataset loaded into an empty store; the curated `data/` by default. */
  readonly dataDirectory: string | undefined;
  readonly store: StoreConfig;
  readonly limits: QueryLimits;
  readonly http: HttpConfig;
  /** Imports of at least this many bytes are bulk writes (see `ImportOptions.bulkAboveBytes`). */
  readonly bulkImportBytes: number;
  /** Server processes `tradegraph serve` starts (1: one process, as without the option). */
  readonly workers: number;
}

/** `TRADEGRAPH_TRUST_PROXY`: unset or `false` trusts no proxy; `true`, a hop count, or addresses/subnets. */
function trustProxy(value: string | undefined): boolean | number | string {
  const text = (value ?? '').trim();
  if (text === '' || text === 'false') return false;
  if (text === 'true') return true;
  if (/^\d+$/.test(text)) return Number(text);
  return text;
}

/** The embedded database lives in `var/tradegraph.db` under the project unless told otherwise. */
export function defaultDatabaseDirectory(): string {
  return projectPath('var', 'tradegraph.db');
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = environment.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`invalid environment: ${problems.join('; ')}`);
  }
  const e = parsed.data;
  if (e.TRADEGRAPH_HEADERS_TIMEOUT_MS > e.TRADEGRAPH_REQUEST_TIMEOUT_MS) {
    throw new Error(
      'invalid environment: TRADEGRAPH_HEADERS_TIMEOUT_MS: must not be longer than TRADEGRAPH_REQUEST_TIMEOUT_MS',
    );
  }
  const readCache = (entries: number): ReadCacheConfig => ({
    maxEntries: e.TRADEGRAPH_READ_CACHE_ENTRIES ?? entries,
    maxBytes: e.TRADEGRAPH_READ_CACHE_MB * 1024 ** 2,
  });
  const store: StoreConfig = e.NEO4J_URI
    ? {
        engine: 'neo4j',
        uri: e.NEO4J_URI,
        user: e.NEO4J_USER,
        password: e.NEO4J_PASSWORD ?? '',
        ...(e.NEO4J_DATABASE ? { database: e.NEO4J_DATABASE } : {}),
        queryTimeoutMs: e.TRADEGRAPH_QUERY_TIMEOUT_MS,
        writeTimeoutMs: e.TRADEGRAPH_WRITE_TIMEOUT_MS,
        connectionTimeoutMs: e.NEO4J_CONNECTION_TIMEOUT_MS,
        readCache: readCache(0),
      }
    : {
        engine: 'embedded',
        directory: path.resolve(e.TRADEGRAPH_DB_DIR ?? defaultDatabaseDirectory()),
        ...(e.TRADEGRAPH_BUFFER_POOL_MB ? { bufferPoolBytes: e.TRADEGRAPH_BUFFER_POOL_MB * 1024 ** 2 } : {}),
        queryTimeoutMs: e.TRADEGRAPH_QUERY_TIMEOUT_MS,
        writeTimeoutMs: e.TRADEGRAPH_WRITE_TIMEOUT_MS,
        readCache: readCache(10_000),
        ...(e.TRADEGRAPH_COALESCE_READS === 'false' ? { coalesceReads: false } : {}),
      };
  const limits: QueryLimits = {
    maxFirst: e.TRADEGRAPH_MAX_FIRST,
    maxTraversalDepth: e.TRADEGRAPH_MAX_TRAVERSAL_DEPTH,
    maxPathLength: e.TRADEGRAPH_MAX_PATH_LENGTH,
    maxQueryDepth: e.TRADEGRAPH_MAX_QUERY_DEPTH,
    maxCost: e.TRADEGRAPH_MAX_COST,
    maxTokens: e.TRADEGRAPH_MAX_TOKENS,
    maxAliases: e.TRADEGRAPH_MAX_ALIASES,
  };
  const http: HttpConfig = {
    apiKeys: e.TRADEGRAPH_API_KEYS,
    corsOrigins: e.TRADEGRAPH_CORS_ORIGINS,
    maxBodyBytes: e.TRADEGRAPH_MAX_BODY_BYTES,
    maxResponseBytes: e.TRADEGRAPH_MAX_RESPONSE_BYTES,
    maxImportBytes: e.TRADEGRAPH_MAX_IMPORT_BYTES,
    rateLimitPerMinute: e.TRADEGRAPH_RATE_LIMIT,
    responseCacheBytes: e.TRADEGRAPH_RESPONSE_CACHE_MB * 1024 ** 2,
    authFailuresPerMinute: e.TRADEGRAPH_AUTH_FAILURE_LIMIT,
    trustProxy: trustProxy(e.TRADEGRAPH_TRUST_PROXY),
    shutdownGraceMs: e.TRADEGRAPH_SHUTDOWN_GRACE_MS,
    headersTimeoutMs: e.TRADEGRAPH_HEADERS_TIMEOUT_MS,
    requestTimeoutMs: e.TRADEGRAPH_REQUEST_TIMEOUT_MS,
  };
  return {
    port: e.PORT,
    host: e.HOST,
    dataDirectory: e.TRADEGRAPH_DATA_DIR,
    store,
    limits,
    http,
    bulkImportBytes: e.TRADEGRAPH_BULK_IMPORT_MB * 1024 ** 2,
    workers: e.TRADEGRAPH_WORKERS,
  };
}
