import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import type { Browser, Page } from 'playwright-core';
import { EXPLORER_BUILD } from '../../src/explorer/explore-route';
import type { RunningServer } from '../../src/server/server';
import { chromiumAvailable, startBrowserFixture, type BrowserFixture } from '../helpers/browser';

/** Vite's command line: its package exports only `package.json`, so the bin is found beside it. */
function viteCommand(): string {
  const manifest = require.resolve('vite/package.json');
  const { bin } = JSON.parse(readFileSync(manifest, 'utf8')) as { bin: { vite: string } };
  return path.join(path.dirname(manifest), bin.vite);
}

/** Screenshots of each view, kept as test artifacts (var/ is not committed). */
const SHOTS = path.resolve('var', 'explorer-screenshots');

interface GraphProbe {
  nodes: string[];
  edges: { id: string; claims: number }[];
}

if (chromiumAvailable('Explorer browser test')) {
  describe('Explorer in a real browser', () => {
    let server: RunningServer;
    let browser: Browser;
    let fixture: BrowserFixture | undefined;
    const outside: string[] = [];
    const consoleErrors: string[] = [];

    beforeAll(async () => {
      // `npm test` builds the page first; a lone jest run builds it here if it is missing.
      if (!existsSync(path.join(EXPLORER_BUILD, 'index.html'))) {
        execFileSync(process.execPath, [viteCommand(), 'build', '--config', 'src/explorer/vite.config.mts'], {
          stdio: 'inherit',
        });
      }
      mkdirSync(SHOTS, { recursive: true });
      fixture = await startBrowserFixture();
      ({ server, browser } = fixture);
    }, 120_000);

    afterAll(async () => {
      await fixture?.close();
    });

    afterEach(() => {
      // Every request stays on this machine, and the page logs no error.
      expect(outside).toEqual([]);
      expect(consoleErrors).toEqual([]);
      outside.length = 0;
      consoleErrors.length = 0;
    });

    async function open(url: string, width = 1280): Promise<Page> {
      const page = await browser.newPage({ viewport: { width, height: 900 }, acceptDownloads: true });
      page.on('request', (request) => {
        const address = request.url();
        if (!address.startsWith(server.url) && !address.startsWith('blob:') && !address.startsWith('data:')) {
          outside.push(address);
        }
      });
      page.on('console', (message) => {
        if (message.type() === 'error') consoleErrors.push(message.text());
      });
      page.on('pageerror', (error) => consoleErrors.push(error.message));
      await page.goto(`${server.url}${url}`);
      return page;
    }

    const graph = (page: Page): Promise<GraphProbe | null> =>
      page.evaluate(() => {
        const cy = (
          globalThis as unknown as {
            tradegraphGraph?: {
              nodes(): { map<T>(f: (node: { id(): string }) => T): T[] };
              edges(): { map<T>(f: (edge: { id(): string; data(key: string): number }) => T): T[] };
            };
          }
        ).tradegraphGraph;
        if (!cy) return null;
        return {
          nodes: cy.nodes().map((node) => node.id()),
          edges: cy.edges().map((edge) => ({ id: edge.id(), claims: edge.data('claims') })),
        };
      });

    test('search "anpact" → ANPACT and its members drawn → click Freightliner → its exports chart, CSV and citation', async () => {
      const page = await open('/explore');
      await page.fill('input[name="q"]', 'anpact');
      await page.press('input[name="q"]', 'Enter');
      await page.waitForURL(/\/explore\?q=anpact/);
      await page.click('.results a.result-name:text-is("ANPACT")');
      await page.waitForURL(/\/explore\/association\/anpact$/);
      await page.locator('#entity-name', { hasText: 'ANPACT' }).waitFor();

      // Its members are drawn: every MEMBER_OF edge ending at ANPACT, Freightliner among them.
      await page.waitForFunction(() => {
        const cy = (globalThis as unknown as { tradegraphGraph?: { $id(id: string): { length: number } } })
          .tradegraphGraph;
        return cy !== undefined && cy.$id('freightliner').length === 1;
      });
      const drawn = await graph(page);
      const members = drawn?.edges.filter((edge) => edge.id.endsWith('>MEMBER_OF>anpact')) ?? [];
      expect(members.length).toBeGreaterThanOrEqual(15);
      expect(members.map((edge) => edge.id)).toContain('freightliner>MEMBER_OF>anpact');
      expect(drawn?.nodes).not.toContainEqual(expect.stringMatching(/^stat:/)); // statistics hidden by default
      await page.waitForTimeout(300);
      await page.screenshot({
        path: path.join(SHOTS, 'entity-anpact.png'),
        fullPage: true,
        clip: { x: 0, y: 0, width: page.viewportSize()?.width ?? 1280, height: 1300 },
      });

      // Click Freightliner's node on the canvas.
      const point = await page.evaluate(() => {
        const cy = (
          globalThis as unknown as {
            tradegraphGraph: {
              $id(id: string): { renderedPosition(): { x: number; y: number } };
              container(): { getBoundingClientRect(): { left: number; top: number } };
            };
          }
        ).tradegraphGraph;
        const position = cy.$id('freightliner').renderedPosition();
        const box = cy.container().getBoundingClientRect();
        return { x: box.left + position.x, y: box.top + position.y };
      });
      await page.mouse.click(point.x, point.y);
      await page.waitForURL(/\/explore\/company\/freightliner/);
      await page.locator('#entity-name', { hasText: 'Freightliner' }).waitFor();

      // The exports chart shows January 2026 from both sources, as separate marks.
      await page.locator('.series-chart svg').first().waitFor();
      const legend = await page.locator('.series-chart').innerText();
      expect(legend).toContain('El Horizonte');
      expect(legend).toContain('FreightWaves');
      await page.click('.series-data summary');
      const january = await page.locator('.series-points tbody tr', { hasText: '2026-01' }).allInnerTexts();
      expect(january).toHaveLength(2);
      expect(january.join('\n')).toMatch(/3,556 vehicles[\s\S]*El Horizonte/);
      expect(january.join('\n')).toMatch(/3,556 vehicles[\s\S]*FreightWaves/);
      expect(january.join('\n')).toContain('computed change -50.11% vs 2025-01');
      await page.screenshot({
        path: path.join(SHOTS, 'entity-freightliner.png'),
        fullPage: true,
        clip: { x: 0, y: 0, width: page.viewportSize()?.width ?? 1280, height: 1300 },
      });

      // Download CSV: flat rows with the figures, scope and each source's title, publisher, date and URL.
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.locator('section[aria-labelledby="stats-title"] button.csv').click(),
      ]);
      const file = await download.path();
      const rows = parseCsv(readFileSync(file, 'utf8'), { columns: true }) as Record<string, string>[];
      const jan = rows.filter((row) => row['period.label'] === '2026-01');
      expect(jan.map((row) => [row.value, row.coverage, row['source.publisher']])).toEqual([
        ['3556', 'all destinations', 'El Horizonte'],
        ['3556', 'all destinations', 'FreightWaves'],
      ]);
      for (const row of rows) {
        expect(row.metric).toBe('exports');
        expect(row['source.title']).not.toBe('');
        expect(row['source.url']).toMatch(/^https?:\/\//);
        expect(row).toHaveProperty(['source.published']);
      }

      // Cite: CSL-JSON and BibTeX with today's retrieval date.
      await page.locator('.stats-table button.cite').first().click();
      const dialog = page.locator('dialog.cite-dialog');
      await dialog.waitFor();
      const today = new Date().toISOString().slice(0, 10);
      expect(await dialog.locator('.cite-bibtex').innerText()).toContain(`urldate = {${today}}`);
      const csl = JSON.parse(await dialog.locator('.cite-csl').innerText()) as { URL: string }[];
      expect(csl[0]?.URL).toMatch(/^https?:\/\//);
      await page.screenshot({ path: path.join(SHOTS, 'cite.png') });
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });
      await page.close();
    }, 120_000);

    test('the Daimay–USMCA path: every edge names a source', async () => {
      const page = await open('/explore/paths?from=daimay&to=usmca');
      await page.locator('.path-edge').first().waitFor();
      const steps = await page.locator('.path-edge').all();
      expect(steps.length).toBeGreaterThanOrEqual(2);
      for (const step of steps) {
        expect(await step.locator('.source-ref a').count()).toBeGreaterThan(0);
      }
      expect(await page.locator('.route-line').first().innerText()).toMatch(/Daimay[\s\S]*USMCA/);
      await page.waitForFunction(
        () =>
          ((
            globalThis as unknown as { tradegraphGraph?: { edges(): { length: number } } }
          ).tradegraphGraph?.edges().length ?? 0) > 0,
      );
      const drawn = await graph(page);
      expect(drawn?.nodes).toEqual(expect.arrayContaining(['daimay', 'usmca']));
      for (const edge of drawn?.edges ?? []) expect(edge.claims).toBeGreaterThan(0);
      await page.waitForTimeout(300);
      await page.screenshot({
        path: path.join(SHOTS, 'paths-daimay-usmca.png'),
        fullPage: true,
        clip: { x: 0, y: 0, width: page.viewportSize()?.width ?? 1280, height: 1300 },
      });
      await page.close();
    }, 60_000);

    test("the ranking form reproduces the README's headline answer", async () => {
      const page = await open('/explore/rankings');
      await page.locator('select[name="association"] option[value="anpact"]').waitFor({ state: 'attached' });
      await page.selectOption('select[name="association"]', 'anpact');
      await page.fill('input[name="asOf"]', '2026');
      await page.selectOption('select[name="metric"]', 'exports');
      await page.fill('input[name="period"]', '2026-01');
      await page.fill('input[name="destination"]', 'US');
      await page.click('button[type="submit"]');
      await page.locator('.ranking-table tbody tr').first().waitFor();
      const rows = await page.locator('.ranking-table tbody tr').allInnerTexts();
      expect(rows).toHaveLength(2);
      expect(rows[0]).toMatch(/^1\s+Freightliner\s+3,556 vehicles\s+all destinations\s*broader than asked/);
      expect(rows[0]).toContain('El Horizonte');
      expect(rows[0]).toContain('FreightWaves');
      expect(rows[1]).toMatch(/^2\s+International\s+1,445 vehicles\s+all destinations\s*broader than asked/);
      expect(await page.locator('.notes').innerText()).toContain('they are not exports to US');
      const context = await page.locator('.context-table').innerText();
      expect(context).toContain('5,076');
      expect(context).toContain('4,783');
      await page.screenshot({
        path: path.join(SHOTS, 'rankings.png'),
        fullPage: true,
        clip: { x: 0, y: 0, width: page.viewportSize()?.width ?? 1280, height: 1300 },
      });
      await page.close();
    }, 60_000);

    test('keyboard: the search box suggests as you type and opens with arrow keys and Enter', async () => {
      const page = await open('/explore');
      await page.focus('input[name="q"]');
      await page.keyboard.type('freightl');
      await page.locator('.suggestions li', { hasText: 'Freightliner' }).waitFor();
      await page.screenshot({ path: path.join(SHOTS, 'search.png') });
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/explore\/company\/freightliner$/);
      await page.locator('#entity-name', { hasText: 'Freightliner' }).waitFor();
      await page.close();
    }, 60_000);

    test("keyboard: the graph takes the focus, arrows move between entities, ] shows an edge's sources, Enter opens", async () => {
      const page = await open('/explore/association/anpact');
      await page.waitForFunction(
        () =>
          ((
            globalThis as unknown as { tradegraphGraph?: { nodes(): { length: number } } }
          ).tradegraphGraph?.nodes().length ?? 0) > 10,
      );
      const canvas = page.locator('.graph-canvas');
      expect(await canvas.getAttribute('tabindex')).toBe('0');
      const announced = page.locator('.graph-announcement');
      // Tab from the search box reaches the graph before the filters.
      await page.focus('input[name="q"]');
      for (let step = 0; step < 30; step += 1) {
        if (await canvas.evaluate((element) => element === element.ownerDocument.activeElement)) break;
        await page.keyboard.press('Tab');
      }
      await expect(
        canvas.evaluate((element) => element === element.ownerDocument.activeElement),
      ).resolves.toBe(true);
      await expect(announced.textContent()).resolves.toMatch(
        /^ANPACT \(Association\), \d+ relationships drawn\.$/,
      );

      // ] on ANPACT: one of its relationships, with its sources beside the graph.
      await page.keyboard.press(']');
      await page.locator('.edge-sources .edge-title', { hasText: 'ANPACT' }).waitFor();
      expect(await page.locator('.edge-sources li').count()).toBeGreaterThan(0);

      // The arrows move to another drawn entity, whichever way it lies.
      for (const key of ['ArrowRight', 'ArrowDown', 'ArrowLeft', 'ArrowUp']) {
        await page.keyboard.press(key);
        if (!(await announced.textContent())?.startsWith('ANPACT ')) break;
      }
      const focused = await announced.textContent();
      expect(focused).not.toMatch(/^ANPACT /);
      const name = focused?.replace(/ \(.*$/, '') ?? '';
      expect(
        await page.evaluate(() => {
          const cy = (
            globalThis as unknown as { tradegraphGraph?: { nodes(selector: string): { length: number } } }
          ).tradegraphGraph;
          return cy?.nodes(':selected').length;
        }),
      ).toBe(1);

      // Enter opens it.
      await page.keyboard.press('Enter');
      await page.locator('#entity-name', { hasText: name }).waitFor();
      expect(page.url()).not.toMatch(/\/association\/anpact$/);
      await page.close();
    }, 60_000);

    test('a narrow window: the entity page fits without sideways scrolling', async () => {
      const page = await open('/explore/company/freightliner', 420);
      await page.locator('.series-chart svg').first().waitFor();
      await page.waitForFunction(
        () =>
          ((
            globalThis as unknown as { tradegraphGraph?: { nodes(): { length: number } } }
          ).tradegraphGraph?.nodes().length ?? 0) > 1,
      );
      const overflow = await page.evaluate(() => {
        const view = globalThis as unknown as {
          document: { documentElement: { scrollWidth: number } };
          innerWidth: number;
        };
        return view.document.documentElement.scrollWidth - view.innerWidth;
      });
      expect(overflow).toBeLessThanOrEqual(0);
      await page.screenshot({
        path: path.join(SHOTS, 'narrow-freightliner.png'),
        fullPage: true,
        clip: { x: 0, y: 0, width: page.viewportSize()?.width ?? 1280, height: 1300 },
      });
      await page.close();
    }, 60_000);
  });
}
