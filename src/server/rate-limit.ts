import { isIPv6 } from 'node:net';
import createDebug from 'debug';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { canWrite } from './auth.js';

const audit = createDebug('tradegraph:audit');

export interface RateLimitOptions {
  /** Requests a client may make per minute, in a burst or spread out; 0 turns the limit off. */
  readonly perMinute: number;
  /** Most clients tracked at once; beyond it, clients with a full allowance are forgotten first. */
  readonly maxClients?: number;
  /** The clock (tests). */
  readonly now?: () => number;
}

interface Bucket {
  tokens: number;
  updated: number;
}

/** Expands an IPv6 address into its eight groups. */
function ipv6Groups(address: string): string[] {
  const [head = '', tail] = address.split('::');
  const left = head === '' ? [] : head.split(':');
  const right = tail === undefined || tail === '' ? [] : tail.split(':');
  const missing = tail === undefined ? 0 : 8 - left.length - right.length;
  return [...left, ...Array.from({ length: missing }, () => '0'), ...right];
}

/**
 * The client a request counts against: its IPv4 address, or the /64 network of an IPv6 address
 * (one host usually holds a whole /64, so counting single addresses would let it rotate through
 * them). Behind a reverse proxy, set TRADEGRAPH_TRUST_PROXY so that this is the client's address
 * and not the proxy's.
 */
export function clientKey(address: string | undefined): string {
  if (!address) return 'unknown';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1]) return mapped[1];
  const bare = address.split('%')[0] ?? address;
  if (!isIPv6(bare)) return address;
  return `${ipv6Groups(bare.toLowerCase())
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

/**
 * A per-client token bucket: each client holds up to `perMinute` requests, refilled steadily at
 * `perMinute` a minute. A request with none left gets 429 RATE_LIMITED and a Retry-After header.
 * Requests with a valid API key are not counted (writers are known).
 */
export function rateLimit(options: RateLimitOptions): RequestHandler {
  const { perMinute } = options;
  const now = options.now ?? Date.now;
  const maxClients = options.maxClients ?? 100_000;
  const perMs = perMinute / 60_000;
  const buckets = new Map<string, Bucket>();

  const refill = (bucket: Bucket, at: number): void => {
    bucket.tokens = Math.min(perMinute, bucket.tokens + (at - bucket.updated) * perMs);
    bucket.updated = at;
  };

  /** Forgets clients whose allowance is full again (they are as if never seen), oldest first if need be. */
  const sweep = (at: number): void => {
    for (const [key, bucket] of buckets) {
      refill(bucket, at);
      if (bucket.tokens >= perMinute) buckets.delete(key);
    }
    for (const key of buckets.keys()) {
      if (buckets.size < maxClients) break;
      buckets.delete(key);
    }
  };

  return (request: Request, response: Response, next: NextFunction) => {
    if (perMinute <= 0 || canWrite(response)) {
      next();
      return;
    }
    const at = now();
    const key = clientKey(request.ip ?? request.socket.remoteAddress);
    let bucket = buckets.get(key);
    if (!bucket) {
      if (buckets.size >= maxClients) sweep(at);
      bucket = { tokens: perMinute, updated: at };
      buckets.set(key, bucket);
    } else {
      refill(bucket, at);
    }
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      next();
      return;
    }
    const retryAfter = Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000));
    audit('rate limited %s (%s %s)', key, request.method, request.path);
    response
      .status(429)
      .set('Retry-After', String(retryAfter))
      .json({
        errors: [
          {
            message: `Too many requests: at most ${perMinute} a minute from one address. Try again in ${retryAfter} s.`,
            extensions: { code: 'RATE_LIMITED' },
          },
        ],
      });
  };
}
