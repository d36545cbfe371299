import { createHash, timingSafeEqual } from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import createDebug from 'debug';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { GraphContext } from '../graphql/context.js';
import { ClientError } from '../graphql/errors.js';

const audit = createDebug('tradegraph:audit');

const CHALLENGE = 'Bearer realm="tradegraph"';

const digest = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

/**
 * The API keys that allow writes. Keys are held as SHA-256 digests and a presented key is compared
 * with every one of them in constant time, so neither the time taken nor an early exit tells an
 * attacker how much of a guess was right, or which key it was close to.
 */
export class ApiKeys {
  private readonly digests: readonly Buffer[];

  constructor(keys: readonly string[]) {
    this.digests = keys.map(digest);
  }

  /** Whether any key is configured; with none, writes are closed to everyone. */
  get configured(): boolean {
    return this.digests.length > 0;
  }

  matches(candidate: string): boolean {
    const presented = digest(candidate);
    let found = false;
    for (const key of this.digests) found = timingSafeEqual(key, presented) || found;
    return found;
  }
}

/**
 * The key a request presents: `Authorization: Bearer <key>` or `X-API-Key: <key>`. `null` when it
 * presents none; `undefined` when what it presents cannot be a key (another scheme, or two
 * different keys).
 */
export function presentedKey(request: Request): string | null | undefined {
  const authorization = request.get('authorization');
  const header = request.get('x-api-key');
  let bearer: string | null = null;
  if (authorization !== undefined) {
    const match = /^Bearer[ ]+(\S+)\s*$/i.exec(authorization);
    if (!match?.[1]) return undefined;
    bearer = match[1];
  }
  const apiKey = header === undefined ? null : header.trim();
  if (apiKey === '') return undefined;
  if (bearer !== null && apiKey !== null && bearer !== apiKey) return undefined;
  return bearer ?? apiKey;
}

/** Whether the request was authenticated as a writer (set by `authenticate`). */
export function canWrite(response: Response): boolean {
  return response.locals.canWrite === true;
}

function refuse(response: Response, status: 401 | 403, code: string, message: string): void {
  if (status === 401) response.set('WWW-Authenticate', CHALLENGE);
  response.status(status).json({ errors: [{ message, extensions: { code } }] });
}

/**
 * Reads the API key of every request. No key: the request may read. A valid key: it may also
 * write. A key that is not valid is refused outright (401), so a misconfigured client learns at
 * once rather than when its first write fails. Keys are never logged; refusals are, with the
 * client's address, under `tradegraph:audit`.
 */
export function authenticate(keys: ApiKeys): RequestHandler {
  return (request: Request, response: Response, next: NextFunction) => {
    const key = presentedKey(request);
    if (key === null) {
      response.locals.canWrite = false;
      next();
      return;
    }
    if (key !== undefined && keys.matches(key)) {
      response.locals.canWrite = true;
      next();
      return;
    }
    audit('refused an invalid API key from %s for %s %s', request.ip, request.method, request.path);
    refuse(response, 401, 'UNAUTHENTICATED', 'The API key is not valid.');
  };
}

const SAFE_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Closes every route that changes state, other than `/graphql` (whose mutations the plugin below
 * guards, since its reads are POSTs too): any POST, PUT, PATCH or DELETE needs a valid API key.
 * A write route added later (an import endpoint) is guarded without doing anything.
 */
export function writeGuard(keys: ApiKeys, graphqlPath = '/graphql'): RequestHandler {
  return (request: Request, response: Response, next: NextFunction) => {
    const path = request.path.replace(/\/+$/, '');
    if (SAFE_METHODS.has(request.method) || path === graphqlPath || canWrite(response)) {
      next();
      return;
    }
    audit('refused an unauthenticated %s %s from %s', request.method, request.path, request.ip);
    if (!keys.configured) refuse(response, 403, 'FORBIDDEN', 'This server accepts no writes.');
    else refuse(response, 401, 'UNAUTHENTICATED', 'This request changes data: send an API key.');
  };
}

/**
 * Refuses every operation other than a query (a mutation; a subscription if one is ever added)
 * unless the request carries a valid API key, before anything runs: 401 UNAUTHENTICATED, or
 * 403 FORBIDDEN when the server has no keys at all.
 */
export function writeGuardPlugin(keys: ApiKeys): ApolloServerPlugin<GraphContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, contextValue, request }) {
          if (!operation || operation.operation === 'query' || contextValue.canWrite) return;
          const kind = operation.operation;
          audit('refused an unauthenticated %s %s', kind, request.operationName ?? '(anonymous)');
          if (!keys.configured) {
            throw new ClientError('FORBIDDEN', `This server accepts no ${kind}s.`, {
              http: { status: 403 },
            });
          }
          throw new ClientError(
            'UNAUTHENTICATED',
            `A ${kind} changes data: send an API key (Authorization: Bearer <key>, or X-API-Key).`,
            { http: { status: 401, headers: new HeaderMap([['www-authenticate', CHALLENGE]]) } },
          );
        },
      };
    },
  };
}
