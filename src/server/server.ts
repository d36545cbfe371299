import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import cors from 'cors';
import createDebug from 'debug';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { GraphQLSchema } from 'graphql';
import { readConfig, type Config } from '../config.js';
import { createContext, type GraphContext } from '../graphql/context.js';
import { formatError } from '../graphql/errors.js';
import { tradeGraphSchema } from '../graphql/schema.js';
import type { GraphStore } from '../store/graph-store.js';
import { redactUri } from '../store/neo4j/neo4j-store.js';
import { ensureDataset, openStore } from '../store/open-store.js';
import { ResilientStore } from '../store/resilient-store.js';
import { ApiKeys, authenticate, canWrite, writeGuard, writeGuardPlugin } from './auth.js';
import { describeBytes } from './describe-bytes.js';
import { importRouter } from './import-route.js';
import { operationLimitsPlugin } from './limits-plugin.js';
import { playgroundRouter } from './playground.js';
import { rateLimit } from './rate-limit.js';

const log = createDebug('tradegraph:server');

/** Longest a client may take to send its request headers, and its whole request. */
const HEADERS_TIMEOUT_MS = 10_000;
const REQUEST_TIMEOUT_MS = 30_000;

export { describeBytes } from './describe-bytes.js';

/**
 * Errors raised before GraphQL runs (a body that is too large or not JSON) answered as GraphQL-shaped
 * JSON with a code, never Express's HTML page with a stack trace.
 */
function httpErrorHandler(maxBodyBytes: number) {
  return (error: unknown, _request: Request, response: Response, _next: NextFunction): void => {
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
}

/**
 * The configured store. Neo4j is wrapped so that the server starts, and stays up, while Neo4j is
 * unreachable: it connects (and loads the dataset) in the background and reconnects by itself.
 * The embedded store opens now or fails the start-up (a database locked by another process).
 */
async function openServedStore(config: Config): Promise<GraphStore> {
  const storeConfig = config.store;
  if (storeConfig.engine === 'neo4j') {
    const target = `Neo4j at ${redactUri(storeConfig.uri)}`;
    return ResilientStore.start({
      engine: 'neo4j',
      target,
      open: () => openStore(storeConfig),
      prepare: async (store) => {
        const state = await ensureDataset(store, config.dataDirectory);
        if (state === 'differs') {
          log(
            'the store holds an older version of the dataset; run `tradegraph load --replace` to reload it',
          );
        }
      },
      // The driver's own waits (connecting, retrying) come on top of the statement's timeout.
      readDeadlineMs: storeConfig.queryTimeoutMs + (storeConfig.connectionTimeoutMs ?? 5_000) + 5_000,
    });
  }
  const store = await openStore(storeConfig);
  try {
    await prepareEmbedded(store, config);
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
}

async function prepareEmbedded(store: GraphStore, config: Config): Promise<void> {
  const state = await ensureDataset(store, config.dataDirectory);
  if (state === 'differs') {
    log('the store holds an older version of the dataset; run `tradegraph load --replace` to reload it');
  }
}

/** Starts the HTTP server: `/graphql`, the playground at `/`, and `/health`. */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const config = options.config ?? readConfig();
  const ownsStore = options.store === undefined;
  const store = options.store ?? (await openServedStore(config));
  if (options.store !== undefined && !(options.store instanceof ResilientStore)) {
    await prepareEmbedded(options.store, config);
  }

  const { http: httpConfig, limits } = config;
  const keys = new ApiKeys(httpConfig.apiKeys);
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', httpConfig.trustProxy);
  const httpServer = http.createServer(app);
  httpServer.headersTimeout = HEADERS_TIMEOUT_MS;
  httpServer.requestTimeout = REQUEST_TIMEOUT_MS;
  const apollo = new ApolloServer<GraphContext>({
    schema: options.schema ?? tradeGraphSchema(),
    formatError,
    includeStacktraceInErrorResponses: false,
    introspection: true,
    // Every operation is sent in full, priced and checked; no stored queries to reason about.
    persistedQueries: false,
    parseOptions: { maxTokens: limits.maxTokens },
    // Whoever starts the server decides what a signal means (`tradegraph serve` drains, then exits).
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: httpConfig.shutdownGraceMs }),
      writeGuardPlugin(keys),
      operationLimitsPlugin(limits),
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
  app.use(authenticate(keys));
  app.use(writeGuard(keys));
  app.use(playgroundRouter());
  app.get('/health', async (_request, response) => {
    const health = await store.health().catch((error: unknown) => ({
      engine: store.engine,
      ok: false,
      detail: error instanceof Error ? error.message : String(error),
    }));
    response.status(health.ok ? 200 : 503).json({ status: health.ok ? 'ok' : 'unavailable', store: health });
  });
  app.use(importRouter({ store, maxImportBytes: httpConfig.maxImportBytes }));
  app.use(
    '/graphql',
    rateLimit({ perMinute: httpConfig.rateLimitPerMinute }),
    express.json({ limit: httpConfig.maxBodyBytes }),
    expressMiddleware(apollo, {
      context: async ({ res }) => createContext(store, { limits, canWrite: canWrite(res) }),
    }),
  );

  app.use((_request: Request, response: Response) => {
    response.status(404).json({ errors: [{ message: 'Not found', extensions: { code: 'NOT_FOUND' } }] });
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
        await apollo.stop();
        if (ownsStore) await store.close();
      })();
      return closing;
    },
  };
}
