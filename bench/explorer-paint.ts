/**
 * First paint of an explorer entity page on the curated dataset, in Debian's Chromium:
 *   npm run bench:explorer
 * Starts the server in-process on a fresh embedded store (the curated dataset), builds the page
 * if it is not built, then opens /explore/company/freightliner RUNS times in fresh browser
 * contexts (no cache: a first visit) and RUNS times in one context (cached assets), measuring
 * first contentful paint and the moment the entity's header (its name) is on screen. Target:
 * the header under 1 s on a first visit. Writes bench/results/explorer-paint-<date>.json.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { readConfig } from '../src/config';
import { EXPLORER_BUILD } from '../src/explorer/explore-route';
import { defaultDataDirectory } from '../src/import/dataset';
import { startServer } from '../src/server/server';
import { EmbeddedStore } from '../src/store/embedded/embedded-store';

const RUNS = Number(process.env.PAINT_RUNS ?? 10);
const TARGET_MS = 1000;
const PAGE = '/explore/company/freightliner';

interface Sample {
  readonly fcpMs: number;
  readonly headerMs: number;
  /** From sending the entity's GraphQL request to the end of its answer: the server's share. */
  readonly entityRequestMs: number;
}

async function measure(context: BrowserContext, url: string): Promise<Sample> {
  const page = await context.newPage();
  let entityRequestMs = Number.NaN;
  page.on('requestfinished', (request) => {
    if (!request.postData()?.includes('query Entity(')) return;
    const timing = request.timing();
    entityRequestMs = Math.round(timing.responseEnd - timing.requestStart);
  });
  await page.goto(url, { waitUntil: 'commit' });
  await page.locator('#entity-name').waitFor();
  const sample = await page.evaluate(() => {
    const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN;
    return { fcpMs: Math.round(fcp), headerMs: Math.round(performance.now()) };
  });
  await page.close();
  return { ...sample, entityRequestMs };
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

async function main(): Promise<void> {
  if (!existsSync(path.join(EXPLORER_BUILD, 'index.html'))) {
    execFileSync('npm', ['run', 'build:explorer', '--silent'], { stdio: 'inherit' });
  }
  const directory = mkdtempSync(path.join(os.tmpdir(), 'tradegraph-paint-'));
  const store = await EmbeddedStore.open({ directory: path.join(directory, 'db') });
  const server = await startServer({
    config: { ...readConfig({ TRADEGRAPH_RATE_LIMIT: '0' }), port: 0, dataDirectory: defaultDataDirectory() },
    store,
  });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const url = `${server.url}${PAGE}`;
    // One visit first, so the server's own first-request costs (statement preparation) are not counted.
    const warm = await browser.newContext();
    await measure(warm, url);
    const cold: Sample[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      const context = await browser.newContext();
      cold.push(await measure(context, url));
      await context.close();
    }
    const cached: Sample[] = [];
    for (let run = 0; run < RUNS; run += 1) cached.push(await measure(warm, url));
    await warm.close();
    const summary = {
      date: new Date().toISOString().slice(0, 10),
      machine: `${os.cpus().length} vCPU ${os.cpus()[0]?.model ?? ''}, ${Math.round(os.totalmem() / 1024 ** 3)} GiB, Node ${process.versions.node}, ${browser.version()}`,
      // Other work on the machine slows every number here; the 1-minute load average says how much.
      loadAverage: os.loadavg().map((value) => Math.round(value * 10) / 10),
      page: PAGE,
      runs: RUNS,
      firstVisit: {
        fcpMedianMs: median(cold.map((s) => s.fcpMs)),
        headerMedianMs: median(cold.map((s) => s.headerMs)),
        headerMaxMs: Math.max(...cold.map((s) => s.headerMs)),
        entityRequestMedianMs: median(cold.map((s) => s.entityRequestMs)),
      },
      cached: {
        fcpMedianMs: median(cached.map((s) => s.fcpMs)),
        headerMedianMs: median(cached.map((s) => s.headerMs)),
        headerMaxMs: Math.max(...cached.map((s) => s.headerMs)),
        entityRequestMedianMs: median(cached.map((s) => s.entityRequestMs)),
      },
      targetMs: TARGET_MS,
      samples: { cold, cached },
    };
    const results = path.join(__dirname, 'results');
    mkdirSync(results, { recursive: true });
    writeFileSync(
      path.join(results, `explorer-paint-${summary.date}.json`),
      `${JSON.stringify(summary, null, 2)}\n`,
    );
    process.stdout.write(`${JSON.stringify({ ...summary, samples: undefined }, null, 2)}\n`);
    if (summary.firstVisit.headerMedianMs > TARGET_MS) {
      process.stderr.write(
        `the entity header took ${summary.firstVisit.headerMedianMs} ms (median), over ${TARGET_MS} ms\n`,
      );
      process.exitCode = 1;
    }
  } finally {
    await browser.close();
    await server.close();
    await store.close();
    rmSync(directory, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
