import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { readConfig } from '../../src/config';
import { defaultDataDirectory } from '../../src/import/dataset';
import { startServer, type RunningServer } from '../../src/server/server';
import { openTemporaryStore } from '../helpers/stores';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const available = existsSync(CHROMIUM);

if (!available) {
  const reason = `Browser test skipped: no Chromium at ${CHROMIUM} (apt-get install chromium, as .ci/run does)`;
  console.warn(reason);
  test.skip(reason, () => undefined);
} else {
  describe('Playground in a real browser', () => {
    let server: RunningServer;
    let browser: Browser;
    let dispose: () => Promise<void>;

    beforeAll(async () => {
      const opened = await openTemporaryStore();
      dispose = opened.dispose;
      server = await startServer({
        config: { ...readConfig({}), port: 0, dataDirectory: defaultDataDirectory() },
        store: opened.store,
      });
      browser = await chromium.launch({
        executablePath: CHROMIUM,
        // Playwright gives the browser a fresh temporary profile; these flags keep it off the network.
        args: [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--disable-quic',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
        ],
      });
    }, 60_000);

    afterAll(async () => {
      await browser?.close();
      await server?.close();
      await dispose?.();
    });

    test('runs the headline example offline and shows Freightliner', async () => {
      const page = await browser.newPage();
      const outside: string[] = [];
      page.on('request', (request) => {
        if (!request.url().startsWith(server.url)) outside.push(request.url());
      });
      await page.goto(`${server.url}/`);
      await page.waitForSelector('.graphiql-execute-button', { timeout: 30_000 });
      await page.click('.graphiql-execute-button');
      await page.locator('.result-window').getByText('Freightliner').first().waitFor({ timeout: 30_000 });
      const result = await page.textContent('.result-window');
      expect(result).toContain('"broaderThanAsked": true');
      await page.screenshot({ path: path.join(os.tmpdir(), 'tradegraph-playground.png') });
      expect(outside).toEqual([]);
    }, 90_000);
  });
}
