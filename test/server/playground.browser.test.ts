import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import type { RunningServer } from '../../src/server/server';
import { chromiumAvailable, startBrowserFixture, type BrowserFixture } from '../helpers/browser';

if (chromiumAvailable('Browser test')) {
  describe('Playground in a real browser', () => {
    let server: RunningServer;
    let browser: Browser;
    let fixture: BrowserFixture | undefined;

    beforeAll(async () => {
      fixture = await startBrowserFixture();
      ({ server, browser } = fixture);
    }, 60_000);

    afterAll(async () => {
      await fixture?.close();
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
