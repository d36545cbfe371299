import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { readConfig } from '../src/config';
import { defaultDataDirectory } from '../src/import/dataset';
import { startServer } from '../src/server/server';
import { openTemporaryStore } from './helpers/stores';

// Debian's Python with Debian's pandas and matplotlib, as a researcher would have them (.ci/run installs them).
const PYTHON = process.env.TRADEGRAPH_PYTHON ?? '/usr/bin/python3';
const probe = spawnSync(PYTHON, ['-c', 'import pandas, matplotlib'], { encoding: 'utf8' });

if (probe.status !== 0) {
  const reason = `Python example test skipped: ${PYTHON} cannot import pandas and matplotlib (apt-get install python3-pandas python3-matplotlib, as .ci/run does)`;
  console.warn(reason);
  test.skip(reason, () => undefined);
} else {
  test('the Python example fetches the headline ranking and a series into pandas, plots it and writes citations', async () => {
    const { store, dispose } = await openTemporaryStore();
    const server = await startServer({
      config: { ...readConfig({}), port: 0, dataDirectory: defaultDataDirectory() },
      store,
    });
    const out = mkdtempSync(path.join(os.tmpdir(), 'tradegraph-python-'));
    try {
      const stdout = await new Promise<string>((resolve, reject) => {
        // Asynchronous child: the server answering it runs in this process.
        execFile(
          PYTHON,
          ['examples/headline_notebook.py', '--server', server.url, '--out', out],
          { encoding: 'utf8', timeout: 120_000, env: { ...process.env, MPLCONFIGDIR: out } },
          (error, output, errors) =>
            error ? reject(new Error(`${error.message}\n${errors}`)) : resolve(output),
        );
      });
      expect(stdout).toMatch(
        /^1\. Freightliner: 3,556 vehicles \(all destinations\) — all destinations, NOT a US figure; sources: El Horizonte, FreightWaves$/m,
      );
      expect(stdout).toMatch(
        /^2\. International: 1,445 vehicles \(all destinations\) — all destinations, NOT a US figure; sources: FreightWaves$/m,
      );
      expect(stdout).toMatch(/^freightliner exports 2026-01: 3,556 vehicles per El Horizonte$/m);
      expect(stdout).toMatch(/^freightliner exports 2026-01: 3,556 vehicles per FreightWaves$/m);

      const ranking = parseCsv(readFileSync(path.join(out, 'ranking.csv'), 'utf8'), {
        columns: true,
      }) as Record<string, string>[];
      expect(ranking.map((row) => [row['rows.subject.name'], row['rows.value']])).toEqual([
        ['Freightliner', '3556'],
        ['Freightliner', '3556'],
        ['International', '1445'],
      ]);
      const series = parseCsv(readFileSync(path.join(out, 'series.csv'), 'utf8'), {
        columns: true,
      }) as Record<string, string>[];
      const january = series.filter((row) => row.period === '2026-01');
      expect(january.map((row) => row.source_publisher).sort()).toEqual(['El Horizonte', 'FreightWaves']);

      const png = readFileSync(path.join(out, 'series.png'));
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      expect(png.length).toBeGreaterThan(10_000);

      const today = new Date().toISOString().slice(0, 10);
      const csl = JSON.parse(readFileSync(path.join(out, 'citations.json'), 'utf8')) as {
        id: string;
        URL: string;
        accessed: { 'date-parts': number[][] };
      }[];
      expect(csl.map((item) => item.id)).toEqual(
        expect.arrayContaining(['a045-elhorizonte', 'seed-borderlands-2026-01']),
      );
      for (const item of csl) {
        expect(item.URL).toMatch(/^https?:\/\//);
        expect(item.accessed['date-parts'][0]).toEqual(today.split('-').map(Number));
      }
      const bib = readFileSync(path.join(out, 'citations.bib'), 'utf8');
      expect(bib).toContain('@online{a045-elhorizonte,');
      expect(bib).toContain(`urldate = {${today}}`);
    } finally {
      rmSync(out, { recursive: true, force: true });
      await server.close();
      await dispose();
    }
  }, 180_000);
}
