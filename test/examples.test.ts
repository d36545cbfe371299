import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readConfig } from '../src/config';
import { defaultDataDirectory } from '../src/import/dataset';
import { startServer } from '../src/server/server';
import { openTemporaryStore } from './helpers/stores';

const tsx = path.resolve('node_modules', '.bin', 'tsx');

describe('Examples', () => {
  test('the in-process example answers the headline question', () => {
    const directory = mkdtempSync(path.join(os.tmpdir(), 'tradegraph-example-'));
    try {
      const output = execFileSync(tsx, ['examples/headline-in-process.ts'], {
        encoding: 'utf8',
        env: { ...process.env, TRADEGRAPH_DB_DIR: path.join(directory, 'db') },
        timeout: 60_000,
      });
      expect(output).toMatch(
        /^1\. Freightliner: 3556 vehicles, all destinations \(all destinations: no US split/m,
      );
      expect(output).toMatch(/^2\. International: 1445 vehicles/m);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });

  test('the HTTP example answers the headline question with plain fetch', async () => {
    const { store, dispose } = await openTemporaryStore();
    const server = await startServer({
      config: { ...readConfig({}), port: 0, dataDirectory: defaultDataDirectory() },
      store,
    });
    try {
      const output = await new Promise<string>((resolve, reject) => {
        // Asynchronous child: the server answering it runs in this process.
        execFile(
          tsx,
          ['examples/headline-over-http.ts', server.url],
          { encoding: 'utf8', timeout: 60_000 },
          (error, stdout) => (error ? reject(error) : resolve(stdout)),
        );
      });
      expect(output).toMatch(/^1\. Freightliner: 3556 \(all destinations\)/m);
      expect(output).toMatch(/context: export_share 94\.2 percent to US/);
    } finally {
      await server.close();
      await dispose();
    }
  });
});
