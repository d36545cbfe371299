import createDebug from 'debug';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { canWrite } from './auth.js';
import { clientKey, refuseTooMany, TokenBuckets } from './client-limits.js';

export { clientKey } from './client-limits.js';

const audit = createDebug('tradegraph:audit');

export interface RateLimitOptions {
  /** Requests a client may make per minute, in a burst or spread out; 0 turns the limit off. */
  readonly perMinute: number;
  /** Most clients tracked at once; beyond it, clients with a full allowance are forgotten first. */
  readonly maxClients?: number;
  /** The clock (tests). */
  readonly now?: () => number;
}

/**
 * A per-client token bucket: each client holds up to `perMinute` requests, refilled steadily at
 * `perMinute` a minute. A request with none left gets 429 RATE_LIMITED and a Retry-After header.
 * Requests with a valid API key are not counted (writers are known).
 */
export function rateLimit(options: RateLimitOptions): RequestHandler {
  const { perMinute } = options;
  const now = options.now ?? Date.now;
  const buckets = new TokenBuckets(perMinute, options.maxClients);

  return (request: Request, response: Response, next: NextFunction) => {
    if (perMinute <= 0 || canWrite(response)) {
      next();
      return;
    }
    const key = clientKey(request.ip ?? request.socket.remoteAddress);
    const retryAfter = buckets.take(key, now());
    if (retryAfter === 0) {
      next();
      return;
    }
    audit('rate limited %s (%s %s)', key, request.method, request.path);
    refuseTooMany(
      response,
      retryAfter,
      `Too many requests: at most ${perMinute} a minute from one address. Try again in ${retryAfter} s.`,
    );
  };
}
