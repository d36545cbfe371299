import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { readConfig } from '../../src/config';
import { defaultDataDirectory } from '../../src/import/dataset';
import { startServer, type RunningServer } from '../../src/server/server';
import { openTemporaryStore } from './stores';

/** The browser tests' Chromium: Debian's (`apt-get install chromium`), or `CHROMIUM_PATH`. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Whether Chromium is there; if not, prints why and shows one skipped test named `suite` instead. */
export function chromiumAvailable(suite: string): boolean {
  if (existsSync(CHROMIUM)) return true;
  const reason = `${suite} skipped: no Chromium at ${CHROMIUM} (apt-get install chromium, as .ci/run does)`;
  console.warn(reason);
  test.skip(reason, () => undefined);
  return false;
}

export interface BrowserFixture {
  /** The API server, on a fresh embedded store that loads the curated dataset. */
  readonly server: RunningServer;
  readonly browser: Browser;
  /** Closes the browser, the server and the store (and deletes the store). */
  close(): Promise<void>;
}

/**
 * A server on a fresh store with the curated dataset, and a headless Chromium to visit it.
 * Playwright gives the browser a fresh temporary profile; the flags keep it off the network.
 */
export async function startBrowserFixture(): Promise<BrowserFixture> {
  const opened = await openTemporaryStore();
  let server: RunningServer | undefined;
  try {
    server = await startServer({
      config: { ...readConfig({}), port: 0, dataDirectory: defaultDataDirectory() },
      store: opened.store,
    });
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
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
    const running = server;
    return {
      server: running,
      browser,
      close: async () => {
        await browser.close();
        await running.close();
        await opened.dispose();
      },
    };
  } catch (error) {
    await server?.close();
    await opened.dispose();
    throw error;
  }
}
