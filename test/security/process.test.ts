import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { projectRoot } from '../../src/paths';
import { countNodes } from '../../src/store/catalog';
import { EmbeddedStore } from '../../src/store/embedded/embedded-store';

/** `tradegraph serve` as a child process, from the sources, on a free loopback port. */
function serve(databaseDirectory: string): {
  child: ChildProcess;
  output: { stdout: string; stderr: string };
  exited: Promise<number | null>;
} {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (!/^(NEO4J_|TRADEGRAPH_)/.test(name) && !['DEBUG', 'NODE_OPTIONS'].includes(name)) env[name] = value;
  }
  const child = spawn(process.execPath, ['-r', 'tsx/cjs', path.join('src', 'cli', 'main.ts'), 'serve'], {
    cwd: projectRoot(),
    // As deployed: libraries change behaviour under NODE_ENV=test (Apollo leaves signals alone then).
    env: {
      ...env,
      NODE_ENV: 'production',
      PORT: '0',
      HOST: '127.0.0.1',
      TRADEGRAPH_DB_DIR: databaseDirectory,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = { stdout: '', stderr: '' };
  child.stdout?.on('data', (chunk: Buffer) => (output.stdout += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (output.stderr += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output, exited };
}

async function waitFor(check: () => boolean, what: string, timeoutMs = 45_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('tradegraph serve as a process', () => {
  let directory: string;
  const children: ChildProcess[] = [];

  beforeEach(() => {
    directory = mkdtempSync(path.join(os.tmpdir(), 'tradegraph-serve-'));
  });
  afterEach(() => {
    for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
    rmSync(directory, { recursive: true, force: true });
  });

  test('a locked database stops the start with a clear message', async () => {
    const database = path.join(directory, 'db');
    const holder = await EmbeddedStore.open({ directory: database });
    try {
      const { child, output, exited } = serve(database);
      children.push(child);
      expect(await exited).toBe(1);
      expect(output.stderr).toMatch(/^the database at .*db is in use by another process/);
      expect(output.stderr).not.toMatch(/\n\s+at /);
      expect(output.stdout).not.toMatch(/playground/);
    } finally {
      await holder.close();
    }
  });

  test('SIGTERM drains the request in flight and closes cleanly', async () => {
    const database = path.join(directory, 'db');
    const { child, output, exited } = serve(database);
    children.push(child);
    await waitFor(() => /playground http:\/\/127\.0\.0\.1:\d+\//.test(output.stdout), 'the server to listen');
    const port = Number(/127\.0\.0\.1:(\d+)\//.exec(output.stdout)?.[1]);

    // A request whose body is still arriving when the signal comes.
    const body = JSON.stringify({ query: '{ association(id: "anpact") { name } }' });
    const socket = net.connect(port, '127.0.0.1');
    let response = '';
    socket.on('data', (chunk: Buffer) => (response += chunk.toString('utf8')));
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    socket.write(
      `POST /graphql HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body.slice(0, 10)}`,
    );
    await new Promise((resolve) => setTimeout(resolve, 300));

    child.kill('SIGTERM');
    await waitFor(
      () => output.stdout.includes('SIGTERM: finishing requests in flight'),
      'the signal to be seen',
    );
    // No new connections once stopping.
    await expect(fetch(`http://127.0.0.1:${port}/health`)).rejects.toThrow();
    expect(child.exitCode).toBeNull();

    socket.write(body.slice(10));
    await closed;
    expect(response).toMatch(/^HTTP\/1\.1 200 OK/);
    expect(response).toContain('{"data":{"association":{"name":"ANPACT"}}');
    expect(await exited).toBe(0);
    expect(output.stdout).toContain('stopped');
    expect(output.stderr).toBe('');

    const reopened = await EmbeddedStore.open({ directory: database });
    try {
      const counts = await reopened.read(countNodes, {});
      expect(counts.find((row) => row.kind === 'Association')?.count).toBeGreaterThan(0);
    } finally {
      await reopened.close();
    }
  });
});
