import { createHash, timingSafeEqual } from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import createDebug from 'debug';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { GraphContext } from '../graphql/context.js';
import { ClientError } from '../graphql/errors.js';
import { clientKey, refuseTooMany, TokenBuckets } from './client-limits.js';

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

export interface AuthenticateOptions {
  /**
   * Failed authentications one client address may make a minute (a burst, refilled steadily);
   * past it, every request of that address that presents a key gets 429 RATE_LIMITED, without
   * the key being checked, until its allowance refills. 0 turns the limit off.
   */
  readonly failuresPerMinute: number;
  /** The clock (tests). */
  readonly now?: () => number;
}

/**
 * Reads the API key of every request. No key: the request may read. A valid key: it may also
 * write. A key that is not valid is refused outright (401), so a misconfigured client learns at
 * once rather than when its first write fails. Failed authentications are counted per client
 * address: past `failuresPerMinute`, the address's keys are no longer even checked (429 with
 * Retry-After), so guessing keys runs at that pace at most. Keys are never logged; refusals are,
 * with the client's address, under `tradegraph:audit`.
 */
export function authenticate(keys: ApiKeys, options: AuthenticateOptions): RequestHandler {
  const { failuresPerMinute } = options;
  const now = options.now ?? Date.now;
  const failures = new TokenBuckets(failuresPerMinute);
  return (request: Request, response: Response, next: NextFunction) => {
    const key = presentedKey(request);
    if (key === null) {
      response.locals.canWrite = false;
      next();
      return;
    }
    const client = clientKey(request.ip ?? request.socket.remoteAddress);
    if (failuresPerMinute > 0) {
      const wait = failures.waitFor(client, now());
      if (wait > 0) {
        audit('refused a key from %s without checking it (too many failures)', client);
        refuseTooMany(
          response,
          wait,
          `Too many requests with a key that is not valid from this address (at most ${failuresPerMinute} a minute). Try again in ${wait} s.`,
        );
        return;
      }
    }
    if (key !== undefined && keys.matches(key)) {
      response.locals.canWrite = true;
      next();
      return;
    }
    if (failuresPerMinute > 0) failures.take(client, now());
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
 * Refuses, before anything runs, every operation the schema has no root type for (this API has
 * no mutations: 400 BAD_REQUEST saying so and where writes go), and every operation other than a
 * query (a mutation, should one be added) unless the request carries a valid API key:
 * 401 UNAUTHENTICATED, or 403 FORBIDDEN when the server has no keys at all. On a server that
 * reads only (`readOnly`: why), every mutation is refused 503 READ_ONLY with that reason first.
 */
export function writeGuardPlugin(keys: ApiKeys, readOnly?: string): ApolloServerPlugin<GraphContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, contextValue, request, schema }) {
          if (!operation || operation.operation === 'query') return;
          const kind = operation.operation;
          if (readOnly !== undefined && kind === 'mutation') {
            throw new ClientError('READ_ONLY', readOnly, { http: { status: 503 } });
          }
          if (!schema.getRootType(kind)) {
            throw new ClientError(
              'BAD_REQUEST',
              `This API is read-only over GraphQL: it has no ${kind}s. Writes go through POST /import (a file, with an API key; see the README) or the tradegraph import command.`,
              { http: { status: 400 } },
            );
          }
          if (contextValue.canWrite) return;
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
