/** `tradegraph serve` as a child process on loopback, and autocannon runs against it. */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import { projectRoot } from '../../src/paths';
import { summarise, type LatencySummary } from './stats';

export interface Server {
  readonly url: string;
  readonly pid: number;
  stop(): Promise<number | null>;
}

/** Resident set now and at its peak (VmHWM), in MiB. */
export function rssOf(pid: number): { rssMiB: number; peakMiB: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const field = (name: string): number =>
    Number(new RegExp(`${name}:\\s+(\\d+) kB`).exec(status)?.[1] ?? NaN);
  return { rssMiB: Math.round(field('VmRSS') / 1024), peakMiB: Math.round(field('VmHWM') / 1024) };
}

/**
 * Starts the real server on a store directory (or, with NEO4J_URI in `extraEnv`, on that Neo4j):
 * loopback, any free port, no rate limit. `script` runs another server that prints the same
 * `API http://…/graphql` line (bench/neo4j-graphql/server.ts).
 */
export async function startServer(
  databaseDirectory: string,
  extraEnv: Record<string, string> = {},
  script: readonly string[] = [path.join('src', 'cli', 'main.ts'), 'serve'],
  /** The checkout to run it from (another tree's server, for a before/after comparison). */
  cwd: string = projectRoot(),
): Promise<Server> {
  const child = spawn(process.execPath, ['-r', 'tsx/cjs', ...script], {
    cwd,
    env: {
      ...process.env,
      // Not tsx's hooks from this process (they would relay the server's signals to it).
      NODE_OPTIONS: '',
      NODE_ENV: 'production',
      PORT: '0',
      HOST: '127.0.0.1',
      TRADEGRAPH_DB_DIR: databaseDirectory,
      TRADEGRAPH_RATE_LIMIT: '0',
      NEO4J_URI: '',
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = /API (http:\/\/127\.0\.0\.1:\d+)\/graphql/.exec(output);
      if (match?.[1]) resolve(match[1]);
    });
    void exited.then((code) => reject(new Error(`the server exited (${code}) before listening:\n${output}`)));
  });
  if (child.pid === undefined) throw new Error('the server has no pid');
  // tradegraph listens before its store is in service (a Neo4j store connects and loads the
  // dataset in the background): wait until /health says so.
  if (script[0] === path.join('src', 'cli', 'main.ts')) {
    const until = Date.now() + 180_000;
    for (;;) {
      const status = await fetch(`${url}/health`)
        .then((response) => response.status)
        .catch(() => 0);
      if (status === 200) break;
      if (Date.now() > until || child.exitCode !== null) {
        child.kill('SIGTERM');
        throw new Error(`the server at ${url} did not report a healthy store within 180 s:\n${output}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  return {
    url,
    pid: child.pid,
    stop: async () => {
      child.kill('SIGTERM');
      return exited;
    },
  };
}

export interface GraphQLRequest {
  readonly query: string;
  readonly variables?: Record<string, unknown>;
}

/** One request, checked: HTTP 200, no GraphQL errors, some data. Returns the response's size in bytes. */
export async function checkOnce(url: string, request: GraphQLRequest): Promise<number> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(request),
  });
  const text = await response.text();
  const body = JSON.parse(text) as { data?: unknown; errors?: unknown[] };
  if (response.status !== 200 || body.errors || !body.data) {
    throw new Error(`HTTP ${response.status}: ${text.slice(0, 2000)}`);
  }
  return Buffer.byteLength(text);
}

export interface HttpRun {
  readonly connections: number;
  readonly seconds: number;
  readonly requests: number;
  readonly requestsPerSecond: number;
  readonly latencyMs: LatencySummary;
  /** Transport errors, timeouts, non-200 answers and answers with GraphQL errors. */
  readonly errors: number;
}

/** Drives one request at a fixed concurrency for a fixed time and measures every response. */
export async function drive(
  url: string,
  request: GraphQLRequest,
  connections: number,
  seconds: number,
  record = true,
): Promise<HttpRun> {
  const latencies: number[] = [];
  let badAnswers = 0;
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    timeout: 30,
    requests: [
      {
        method: 'POST',
        path: '/graphql',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(request),
        onResponse: (status: number, body: string) => {
          if (status !== 200 || body.includes('"errors"')) badAnswers += 1;
        },
      },
    ],
    setupClient: (client) => {
      if (record) client.on('response', (_status, _bytes, time) => latencies.push(time));
    },
  });
  const requests = latencies.length;
  return {
    connections,
    seconds,
    requests,
    requestsPerSecond: Math.round((requests / seconds) * 10) / 10,
    latencyMs: summarise(latencies),
    errors: badAnswers + result.errors + result.timeouts,
  };
}
