import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { projectRoot } from '../../src/paths';
import { TEST_BUFFER_POOL_BYTES } from './stores';
import { childEnvironment, cliEntry } from './cli-build';

/** A `tradegraph serve` child process and what it has printed so far. */
export interface ServeProcess {
  readonly child: ChildProcess;
  readonly output: { stdout: string; stderr: string };
  /** Resolves with the exit code. */
  readonly exited: Promise<number | null>;
}

/**
 * `tradegraph serve` as a child process, from the sources, on a free loopback port, with the
 * environment of a deployment: none of this process's NEO4J_ or TRADEGRAPH_ variables, and
 * NODE_ENV=production (libraries change behaviour under NODE_ENV=test: Apollo leaves signals
 * alone then). `extra` adds variables; the page cache is the tests' (test/helpers/stores.ts).
 */
export function spawnServe(
  database: string,
  extra: Record<string, string> = {},
  /** Options of `tradegraph serve` (`--workers 2`). */
  args: readonly string[] = [],
): ServeProcess {
  const env = childEnvironment();
  const child = spawn(process.execPath, [...cliEntry(), 'serve', ...args], {
    cwd: projectRoot(),
    env: {
      ...env,
      NODE_ENV: 'production',
      PORT: '0',
      HOST: '127.0.0.1',
      TRADEGRAPH_DB_DIR: database,
      TRADEGRAPH_BUFFER_POOL_MB: String(TEST_BUFFER_POOL_BYTES / 1024 ** 2),
      ...extra,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = { stdout: '', stderr: '' };
  child.stdout?.on('data', (chunk: Buffer) => (output.stdout += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (output.stderr += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output, exited };
}

/** Waits until `check()` holds, polling every 25 ms; throws naming `what` after `timeoutMs`. */
export async function waitFor(check: () => boolean, what: string, timeoutMs = 45_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const LISTENING = /playground http:\/\/127\.0\.0\.1:(\d+)\//;

/** The port the server listens on, once it says so; throws if it exits first or takes over 60 s. */
export async function listeningPort(served: ServeProcess, timeoutMs = 60_000): Promise<number> {
  await waitFor(
    () => {
      if (served.child.exitCode !== null)
        throw new Error(`the server did not start:\n${served.output.stderr}`);
      return LISTENING.test(served.output.stdout);
    },
    'the server to listen',
    timeoutMs,
  );
  return Number(LISTENING.exec(served.output.stdout)?.[1]);
}

/**
 * Per test: a fresh temporary directory (`directory()`), and every child handed to `track` is
 * killed after the test if it is still running, so no server outlives its test.
 */
export function serveSandbox(prefix: string): { directory(): string; track(child: ChildProcess): void } {
  let directory = '';
  const children: ChildProcess[] = [];
  beforeEach(() => {
    directory = mkdtempSync(path.join(os.tmpdir(), prefix));
  });
  afterEach(() => {
    for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
    rmSync(directory, { recursive: true, force: true });
  });
  return { directory: () => directory, track: (child) => void children.push(child) };
}
