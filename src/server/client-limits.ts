import { isIPv6 } from 'node:net';
import type { Response } from 'express';

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
 * Per-client token buckets: each client holds up to `perMinute` tokens, refilled steadily at
 * `perMinute` a minute. The table is bounded: past `maxClients`, clients whose allowance is full
 * again are forgotten first (they are as if never seen), then the oldest.
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();
  private readonly perMs: number;

  constructor(
    readonly perMinute: number,
    private readonly maxClients = 100_000,
  ) {
    this.perMs = perMinute / 60_000;
  }

  private refill(bucket: Bucket, at: number): void {
    bucket.tokens = Math.min(this.perMinute, bucket.tokens + (at - bucket.updated) * this.perMs);
    bucket.updated = at;
  }

  private sweep(at: number): void {
    for (const [key, bucket] of this.buckets) {
      this.refill(bucket, at);
      if (bucket.tokens >= this.perMinute) this.buckets.delete(key);
    }
    for (const key of this.buckets.keys()) {
      if (this.buckets.size < this.maxClients) break;
      this.buckets.delete(key);
    }
  }

  private bucket(key: string, at: number): Bucket {
    let bucket = this.buckets.get(key);
    if (!bucket) {
      if (this.buckets.size >= this.maxClients) this.sweep(at);
      bucket = { tokens: this.perMinute, updated: at };
      this.buckets.set(key, bucket);
    } else {
      this.refill(bucket, at);
    }
    return bucket;
  }

  /** Seconds until `key` has a token again; 0 when it has one now. Takes nothing. */
  waitFor(key: string, at: number): number {
    const bucket = this.buckets.get(key);
    if (!bucket) return 0;
    this.refill(bucket, at);
    if (bucket.tokens >= 1) return 0;
    return Math.max(1, Math.ceil((1 - bucket.tokens) / this.perMs / 1000));
  }

  /** Takes one of `key`'s tokens: 0 when there was one, else the seconds until there is. */
  take(key: string, at: number): number {
    const bucket = this.bucket(key, at);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / this.perMs / 1000));
  }
}

/** Answers 429 RATE_LIMITED with a Retry-After header. */
export function refuseTooMany(response: Response, retryAfter: number, message: string): void {
  response
    .status(429)
    .set('Retry-After', String(retryAfter))
    .json({ errors: [{ message, extensions: { code: 'RATE_LIMITED' } }] });
}
