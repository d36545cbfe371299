import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import cors from 'cors';
import createDebug from 'debug';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { GraphQLSchema } from 'graphql';
import { readConfig, type Config } from '../config.js';
import { createContext, type GraphContext } from '../graphql/context.js';
import { formatError } from '../graphql/errors.js';
import { tradeGraphSchema } from '../graphql/schema.js';
import { explorerRouter } from '../explorer/explore-route.js';
import type { GraphStore } from '../store/graph-store.js';
import { redactUri } from '../store/redact-uri.js';
import { ensureDataset } from '../import/ensure-dataset.js';
import { openStore } from '../store/open-store.js';
import { ResilientStore } from '../store/resilient-store.js';
import { ApiKeys, authenticate, canWrite, writeGuard, writeGuardPlugin } from './auth.js';
import { describeBytes } from './describe-bytes.js';
import { exportRouter } from './export-route.js';
import { importRouter } from './import-route.js';
import { GracefulShutdown, KEEP_ALIVE_TIMEOUT_MS } from './shutdown.js';
import { jsonNestingDepth } from './json-depth.js';
import { legacyStatusPlugin } from './legacy-status-plugin.js';
import { operationLimitsPlugin } from '../limits/limits-plugin.js';
import { playgroundRouter } from './playground.js';
import { rateLimit } from './rate-limit.js';
import { responseCachePlugins } from './response-cache.js';
import { HttpRefusal, sendRefusal } from './refusals.js';

const log = createDebug('tradegraph:server');

/**
 * How often Node looks for requests past their headers or request timeout. Node's default (30 s)
 * let a slow client hold a connection for up to 30 s past the timeout; a twentieth of the shorter
 * timeout (between 25 ms and 500 ms) keeps the documented bounds within a few percent.
 */
export function connectionsCheckingInterval(headersTimeoutMs: number, requestTimeoutMs: number): number {
  return Math.min(500, Math.max(25, Math.floor(Math.min(headersTimeoutMs, requestTimeoutMs) / 20)));
}

/**
 * Deepest nesting of arrays and objects accepted in a request's JSON (the body, or the `variables`
 * and `extensions` of a GET). The API's variables nest 4 deep at most (`{ input: { subjects: [] } }`
 * inside the body); anything deeper is refused before any parser or GraphQL walks it.
 */
export const MAX_JSON_DEPTH = 32;

function tooDeep(): HttpRefusal {
  return new HttpRefusal(
    400,
    'BAD_REQUEST',
    `The request's JSON nests more than ${MAX_JSON_DEPTH} levels deep (maxJsonDepth); no variable of this API needs more than a few.`,
    { limit: 'maxJsonDepth', max: MAX_JSON_DEPTH },
  );
}

/** Refuses a JSON body nested too deep, on its raw bytes, before `express.json` parses it. */
function checkBodyDepth(_request: unknown, _response: unknown, body: Buffer): void {
  const depth = jsonNestingDepth(body, MAX_JSON_DEPTH);
  if (depth > MAX_JSON_DEPTH) throw tooDeep();
}

/** The same for a GET's `variables` and `extensions`, which Apollo would `JSON.parse`. */
function checkQueryDepth(request: Request, response: Response, next: NextFunction): void {
  for (const name of ['variables', 'extensions']) {
    const value: unknown = (request.query as Record<string, unknown>)[name];
    const texts = Array.isArray(value) ? value : [value];
    for (const text of texts) {
      if (typeof text !== 'string') continue;
      const depth = jsonNestingDepth(text, MAX_JSON_DEPTH);
      if (depth > MAX_JSON_DEPTH) {
        sendRefusal(response, tooDeep());
        return;
      }
    }
  }
  next();
}

export { describeBytes } from './describe-bytes.js';

/**
 * Errors raised before GraphQL runs (a body that is too large, not JSON or nested too deep)
 * answered as GraphQL-shaped JSON with a code, never Express's HTML page with a stack trace.
 */
function httpErrorHandler(maxBodyBytes: number) {
  return (error: unknown, _request: Request, response: Response, _next: NextFunction): void => {
    if (error instanceof HttpRefusal) {
      sendRefusal(response, error);
      return;
    }
    const status = (error as { status?: unknown }).status;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      const message =
        status === 413
          ? `Request body is larger than ${describeBytes(maxBodyBytes)}`
          : 'Request body is not valid JSON';
      response.status(status).json({ errors: [{ message, extensions: { code: 'BAD_REQUEST' } }] });
      return;
    }
    log('http error: %O', error);
    response.status(500).json({
      errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
    });
  };
}

export interface RunningServer {
  /** Base URL, e.g. http://127.0.0.1:4000 */
  readonly url: string;
  readonly store: GraphStore;
  /** Stops taking requests, lets in-flight ones finish, then closes the store. */
  close(): Promise<void>;
}

export interface ServerOptions {
  readonly config?: Config;
  /**
   * An open store to serve (tests); otherwise the configured one is opened and closed with the
   * server. A ResilientStore given here is expected to load its dataset itself (its `prepare`).
   */
  readonly store?: GraphStore;
  /** The schema to serve: the trade graph's unless given (a test extends it, e.g. with a mutation). */
  readonly schema?: GraphQLSchema;
  /** Set in a worker of `tradegraph serve --workers` (see cluster.ts). */
  readonly worker?: WorkerRole;
}

/** What a server started by `tradegraph serve --workers` does differently. */
export interface WorkerRole {
  /** The worker's number, 1 to N, sent as `x-tradegraph-worker` on every response. */
  readonly number: number;
  /**
   * Why this server takes no writes, when it reads only (the embedded engine): the store opens
   * read-only, and imports and mutations are refused 503 READ_ONLY with this message.
   */
  readonly readOnly?: string;
  /** Whether this worker loads the dataset into an empty Neo4j (one worker does, not all at once). */
  readonly loadsDataset: boolean;
}

/**
 * The configured store. Neo4j is wrapped so that the server starts, and stays up, while Neo4j is
 * unreachable: it connects (and loads the dataset) in the background and reconnects by itself.
 * The embedded store opens now or fails the start-up (a database locked by another process).
 */
async function openServedStore(config: Config, worker: WorkerRole | undefined): Promise<GraphStore> {
  const storeConfig = config.store;
  if (storeConfig.engine === 'neo4j') {
    const target = `Neo4j at ${redactUri(storeConfig.uri)}`;
    return ResilientStore.start({
      engine: 'neo4j',
      target,
      open: () => openStore(storeConfig),
      prepare: async (store) => {
        if (worker && !worker.loadsDataset) return;
        await prepareDataset(store, config);
      },
      // The driver's own waits (connecting, retrying) come on top of the statement's timeout.
      readDeadlineMs: storeConfig.queryTimeoutMs + (storeConfig.connectionTimeoutMs ?? 5_000) + 5_000,
    });
  }
  if (worker?.readOnly !== undefined) {
    // The process that started the workers loaded the dataset and holds the database read-write.
    return openStore({ ...storeConfig, readOnly: { reason: worker.readOnly } });
  }
  return openPreparedStore(config);
}

/** Loads the dataset into a store that never held one; an older one is kept, with a log line saying how to reload. */
async function prepareDataset(store: GraphStore, config: Config): Promise<void> {
  const state = await ensureDataset(store, config.dataDirectory);
  if (state === 'differs') {
    log('the store holds an older version of the dataset; run `tradegraph load --replace` to reload it');
  }
}

/** Opens the configured store read-write and prepares its dataset; closes it again if that fails. */
export async function openPreparedStore(config: Config): Promise<GraphStore> {
  const store = await openStore(config.store);
  try {
    await prepareDataset(store, config);
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
}

/** Starts the HTTP server: `/graphql`, the playground at `/`, and `/health`. */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const config = options.config ?? readConfig();
  const ownsStore = options.store === undefined;
  const { worker } = options;
  const store = options.store ?? (await openServedStore(config, worker));
  if (options.store !== undefined && !(options.store instanceof ResilientStore)) {
    await prepareDataset(options.store, config);
  }

  const { http: httpConfig, limits } = config;
  const keys = new ApiKeys(httpConfig.apiKeys);
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', httpConfig.trustProxy);
  if (worker) {
    // Which process answered: the load spreads over the workers (one number, nothing more).
    const header = String(worker.number);
    app.use((_request: Request, response: Response, next: NextFunction) => {
      response.setHeader('x-tradegraph-worker', header);
      next();
    });
  }
  const httpServer = http.createServer(
    {
      headersTimeout: httpConfig.headersTimeoutMs,
      requestTimeout: httpConfig.requestTimeoutMs,
      connectionsCheckingInterval: connectionsCheckingInterval(
        httpConfig.headersTimeoutMs,
        httpConfig.requestTimeoutMs,
      ),
    },
    app,
  );
  const schema = options.schema ?? tradeGraphSchema();
  httpServer.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  const shutdown = new GracefulShutdown(httpServer);
  const apollo = new ApolloServer<GraphContext>({
    schema,
    formatError,
    includeStacktraceInErrorResponses: false,
    introspection: true,
    // Every operation is sent in full, priced and checked; no stored queries to reason about.
    persistedQueries: false,
    parseOptions: { maxTokens: limits.maxTokens },
    // Whoever starts the server decides what a signal means (`tradegraph serve` drains, then exits).
    stopOnTerminationSignals: false,
    plugins: [
      writeGuardPlugin(keys, worker?.readOnly),
      operationLimitsPlugin(limits, { maxResponseBytes: httpConfig.maxResponseBytes }),
      legacyStatusPlugin(),
      ...responseCachePlugins(store, httpConfig.responseCacheBytes),
    ],
  });
  await apollo.start();

  // Browsers may call the API from the listed origins only; with none listed, from this server's own.
  if (httpConfig.corsOrigins.length > 0) {
    const origin = httpConfig.corsOrigins.includes('*') ? '*' : [...httpConfig.corsOrigins];
    app.use(
      '/graphql',
      cors({
        origin,
        methods: ['GET', 'POST'],
        allowedHeaders: ['content-type', 'authorization', 'x-api-key', 'apollo-require-preflight'],
        maxAge: 600,
      }),
    );
  }
  app.use(authenticate(keys, { failuresPerMinute: httpConfig.authFailuresPerMinute }));
  app.use(writeGuard(keys));
  app.use(playgroundRouter());
  app.use(explorerRouter());
  // Public: says only whether the store answers, and which engine; the detail (a path, a URI, a
  // driver's message) goes to the log.
  app.get('/health', async (_request, response) => {
    const health = await store.health().catch((error: unknown) => ({
      engine: store.engine,
      ok: false,
      detail: error instanceof Error ? error.message : String(error),
    }));
    if (!health.ok) log('health: the store is unavailable: %s', health.detail);
    const status = health.ok ? 'ok' : 'unavailable';
    response.status(health.ok ? 200 : 503).json({ status, engine: health.engine });
  });
  const importRoute = importRouter({
    store,
    maxImportBytes: httpConfig.maxImportBytes,
    bulkImportBytes: config.bulkImportBytes,
    readOnly: worker?.readOnly,
  });
  app.use(importRoute.router);
  app.use(
    // GET /export (tradegraph export over HTTP) and GET /export.csv (a query's answer, flat and cited).
    exportRouter({
      store,
      apollo,
      schema,
      maxTokens: limits.maxTokens,
      context: () => createContext(store, { limits, canWrite: false }),
      maxDepth: limits.maxTraversalDepth,
      before: [rateLimit({ perMinute: httpConfig.rateLimitPerMinute })],
    }),
  );
  app.use(
    '/graphql',
    rateLimit({ perMinute: httpConfig.rateLimitPerMinute }),
    checkQueryDepth,
    express.json({ limit: httpConfig.maxBodyBytes, verify: checkBodyDepth }),
    expressMiddleware(apollo, {
      context: async ({ res }) => createContext(store, { limits, canWrite: canWrite(res) }),
    }),
  );

  app.use((_request: Request, response: Response) => {
    sendRefusal(response, new HttpRefusal(404, 'NOT_FOUND', 'Not found'));
  });
  app.use(httpErrorHandler(httpConfig.maxBodyBytes));

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.port, config.host, () => resolve());
  }).catch(async (error: unknown) => {
    await apollo.stop();
    if (ownsStore) await store.close();
    throw error;
  });
  const address = httpServer.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}`;
  log('listening on %s', url);

  let closing: Promise<void> | undefined;
  return {
    url,
    store,
    close: () => {
      closing ??= (async () => {
        // Within the grace period: connections end gracefully, an import running is answered
        // (its result, or 503 with nothing applied) a second before the end, and the store is
        // closed. A store still busy at the end (a write past its point of no return that has not
        // finished) is left to the process's exit: a write killed at any moment leaves the graph
        // as before or as after it (see src/store/embedded/README.md).
        const grace = httpConfig.shutdownGraceMs;
        const deadline = Date.now() + grace;
        const connections = shutdown.stop(grace);
        await importRoute.drain(Math.max(0, grace - 1000));
        await connections;
        await apollo.stop();
        if (ownsStore) {
          let timer: NodeJS.Timeout | undefined;
          const closed = store.close().then(() => true);
          const late = new Promise<boolean>((resolve) => {
            timer = setTimeout(() => resolve(false), Math.max(0, deadline - Date.now()));
          });
          if (!(await Promise.race([closed, late])))
            log('the store was still busy when the grace period ended');
          clearTimeout(timer);
        }
      })();
      return closing;
    },
  };
}
