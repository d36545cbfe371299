import net from 'node:net';
import path from 'node:path';
import { countNodes } from '../../src/store/catalog';
import { listeningPort, serveSandbox, spawnServe, waitFor } from '../helpers/serve-process';
import { openEmbeddedStore } from '../helpers/stores';

describe('tradegraph serve as a process', () => {
  const sandbox = serveSandbox('tradegraph-serve-');

  test('a locked database stops the start with a clear message', async () => {
    const database = path.join(sandbox.directory(), 'db');
    const holder = await openEmbeddedStore({ directory: database });
    try {
      const { child, output, exited } = spawnServe(database);
      sandbox.track(child);
      expect(await exited).toBe(1);
      expect(output.stderr).toMatch(/^the database at .*db is in use by another process/);
      expect(output.stderr).not.toMatch(/\n\s+at /);
      expect(output.stdout).not.toMatch(/playground/);
    } finally {
      await holder.close();
    }
  });

  test('SIGTERM drains the request in flight and closes cleanly', async () => {
    const database = path.join(sandbox.directory(), 'db');
    const served = spawnServe(database);
    const { child, output, exited } = served;
    sandbox.track(child);
    const port = await listeningPort(served);

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

    const reopened = await openEmbeddedStore({ directory: database });
    try {
      const counts = await reopened.read(countNodes, {});
      expect(counts.find((row) => row.kind === 'Association')?.count).toBeGreaterThan(0);
    } finally {
      await reopened.close();
    }
  });
});
