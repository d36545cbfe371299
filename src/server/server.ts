import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import createDebug from 'debug';
import express, { type NextFunction, type Request, type Response } from 'express';
import { readConfig, type Config } from '../config.js';
import { createContext, type GraphContext } from '../graphql/context.js';
import { formatError } from '../graphql/errors.js';
import { tradeGraphSchema } from '../graphql/schema.js';
import type { GraphStore } from '../store/graph-store.js';
import { ensureDataset, openStore } from '../store/open-store.js';
import { playgroundRouter } from './playground.js';

const log = createDebug('tradegraph:server');

/**
 * Errors raised before GraphQL runs (a body that is too large or not JSON) answered as GraphQL-shaped
 * JSON with a code, never Express's HTML page with a stack trace.
 */
function httpErrorHandler(error: unknown, _request: Request, response: Response, _next: NextFunction): void {
  const status = (error as { status?: unknown }).status;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const message = status === 413 ? 'Request body is larger than 1 MB' : 'Request body is not valid JSON';
    response.status(status).json({ errors: [{ message, extensions: { code: 'BAD_REQUEST' } }] });
    return;
  }
  log('http error: %O', error);
  response
    .status(500)
    .json({ errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
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
  /** An open store to serve (tests); otherwise the configured one is opened and closed with the server. */
  readonly store?: GraphStore;
}

/** Starts the HTTP server: `/graphql`, the playground at `/`, and `/health`. */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const config = options.config ?? readConfig();
  const store = options.store ?? (await openStore(config.store));
  const ownsStore = options.store === undefined;
  try {
    const state = await ensureDataset(store, config.dataDirectory);
    if (state === 'differs') {
      log('the store holds an older version of the dataset; run `tradegraph load --replace` to reload it');
    }
  } catch (error) {
    if (ownsStore) await store.close();
    throw error;
  }

  const app = express();
  app.disable('x-powered-by');
  const httpServer = http.createServer(app);
  const apollo = new ApolloServer<GraphContext>({
    schema: tradeGraphSchema(),
    formatError,
    includeStacktraceInErrorResponses: false,
    introspection: true,
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer })],
  });
  await apollo.start();

  app.use(playgroundRouter());
  app.get('/health', async (_request, response) => {
    const health = await store.health().catch((error: unknown) => ({
      engine: store.engine,
      ok: false,
      detail: error instanceof Error ? error.message : String(error),
    }));
    response.status(health.ok ? 200 : 503).json({ status: health.ok ? 'ok' : 'unavailable', store: health });
  });
  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, { context: async () => createContext(store) }),
  );

  app.use((_request: Request, response: Response) => {
    response.status(404).json({ errors: [{ message: 'Not found', extensions: { code: 'NOT_FOUND' } }] });
  });
  app.use(httpErrorHandler);

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.port, config.host, () => resolve());
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
