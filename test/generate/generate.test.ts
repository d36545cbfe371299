import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { generateCommand } from '../../src/cli/generate-command';
import { NODE_KINDS } from '../../src/domain/kinds';
import { generateDataset, type GenerateSummary } from '../../src/generate';
import { defaultDataDirectory } from '../../src/import/dataset';
import { importFiles, type ImportSummary } from '../../src/import/import';
import { findMembers } from '../../src/queries/members';
import { findShortestPaths } from '../../src/queries/paths';
import { rank } from '../../src/queries/ranking';
import { findStatistics } from '../../src/queries/statistics';
import { createTradeGraph } from '../../src/trade-graph';
import type { EmbeddedStore } from '../../src/store/embedded/embedded-store';
import { openLoadedStore } from '../helpers/stores';
import { TINY_SIZES as TINY } from '../helpers/generated';

const temporary: string[] = [];
function temporaryDirectory(): string {
  const directory = mkdtempSync(path.join(os.tmpdir(), 'tradegraph-generate-'));
  temporary.push(directory);
  return directory;
}
afterAll(() => {
  for (const directory of temporary) rmSync(directory, { recursive: true, force: true });
});

function filesOf(directory: string): Map<string, Buffer> {
  return new Map(
    readdirSync(directory)
      .filter((name) => name.endsWith('.jsonl'))
      .sort()
      .map((name) => [name, readFileSync(path.join(directory, name))]),
  );
}

describe('generateDataset: determinism', () => {
  test('the same seed gives byte-identical files; another seed different ones', async () => {
    const [a, b, c] = [temporaryDirectory(), temporaryDirectory(), temporaryDirectory()];
    const first = await generateDataset({ scale: 'S', seed: 42, outDir: a, sizes: TINY });
    await generateDataset({ scale: 'S', seed: 42, outDir: b, sizes: TINY });
    await generateDataset({ scale: 'S', seed: 43, outDir: c, sizes: TINY });
    const [fa, fb, fc] = [filesOf(a), filesOf(b), filesOf(c)];
    expect([...fa.keys()]).toHaveLength(12);
    for (const [name, bytes] of fa) expect(bytes.equals(fb.get(name) ?? Buffer.alloc(0))).toBe(true);
    expect(fa.get('statistics.jsonl')?.equals(fc.get('statistics.jsonl') ?? Buffer.alloc(0))).toBe(false);
    expect(fa.get('companies.jsonl')?.equals(fc.get('companies.jsonl') ?? Buffer.alloc(0))).toBe(false);
    expect(first.statistics).toBeGreaterThan(TINY.statistics * 0.8);
    expect(first.statistics).toBeLessThan(TINY.statistics * 1.2);
  });

  test('every generated id but the countries and regions is prefixed g-; every source is synthetic', async () => {
    const directory = temporaryDirectory();
    await generateDataset({ scale: 'S', seed: 7, outDir: directory, sizes: TINY });
    for (const [name, bytes] of filesOf(directory)) {
      const lines = bytes.toString('utf8').trim().split('\n');
      for (const line of lines) {
        const record = JSON.parse(line) as { id?: string; publisher?: string; url?: string; source?: string };
        if (name === 'countries.jsonl') expect(record.id).toMatch(/^[A-Z]{2}$/);
        else if (name === 'regions.jsonl') expect(record.id).toMatch(/^[A-Z]{2}-G\d\d$/);
        else if (name === 'relationships.jsonl') expect(record.source).toMatch(/^g-source-/);
        else expect(record.id).toMatch(/^g-/);
        if (name === 'sources.jsonl') {
          expect(record.publisher).toBe('tradegraph synthetic generator');
          expect(record.url).toMatch(/^https:\/\/example\.org\//);
        }
        if (name === 'statistics.jsonl') expect(record.source).toMatch(/^g-source-/);
      }
    }
  });
  test('ids are unique across all files, even with every named HS code and numbered ones besides', async () => {
    const directory = temporaryDirectory();
    const wide = { ...TINY, statistics: 500, chapters: 5, headingsPerChapter: 14, subheadingsPerHeading: 7 };
    await generateDataset({ scale: 'S', seed: 3, outDir: directory, sizes: wide });
    const ids = new Set<string>();
    let records = 0;
    for (const [name, bytes] of filesOf(directory)) {
      if (name === 'relationships.jsonl') continue;
      for (const line of bytes.toString('utf8').trim().split('\n')) {
        ids.add((JSON.parse(line) as { id: string }).id);
        records += 1;
      }
    }
    expect(ids.size).toBe(records);
  });
});

describe('tradegraph generate', () => {
  test('writes the same files as generateDataset, and the summary as JSON with --json', async () => {
    const [viaCli, viaApi] = [temporaryDirectory(), temporaryDirectory()];
    const program = new Command().exitOverride().option('--json');
    generateCommand(program);
    const written: string[] = [];
    const stdout = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      await program.parseAsync(['generate', '--scale', 's', '--seed', '5', '--out', viaCli, '--json'], {
        from: 'user',
      });
    } finally {
      stdout.mockRestore();
      stderr.mockRestore();
    }
    const printed = JSON.parse(written.join('')) as GenerateSummary;
    expect(printed.scale).toBe('S');
    expect(printed.seed).toBe(5);
    const api = await generateDataset({ scale: 'S', seed: 5, outDir: viaApi });
    expect(printed.probes).toEqual(api.probes);
    expect(printed.counts).toEqual(api.counts);
    const [a, b] = [filesOf(viaCli), filesOf(viaApi)];
    for (const [name, bytes] of a) expect(bytes.equals(b.get(name) ?? Buffer.alloc(0))).toBe(true);
  });

  test('refuses a scale other than S, M or L', async () => {
    const program = new Command().exitOverride().option('--json');
    program.configureOutput({ writeErr: () => undefined, writeOut: () => undefined });
    generateCommand(program);
    program.commands.forEach((command) =>
      command.exitOverride().configureOutput({ writeErr: () => undefined }),
    );
    await expect(
      program.parseAsync(['generate', '--scale', 'XL', '--out', temporaryDirectory()], { from: 'user' }),
    ).rejects.toThrow(/S, M or L/);
  });
});

describe('generateDataset: scale S imported on top of the curated dataset', () => {
  let store: EmbeddedStore;
  let dispose: () => Promise<void>;
  let generated: GenerateSummary;
  let imported: ImportSummary;

  beforeAll(async () => {
    ({ store, dispose } = await openLoadedStore(defaultDataDirectory()));
    const directory = temporaryDirectory();
    generated = await generateDataset({ scale: 'S', seed: 2026, outDir: directory });
    imported = await importFiles(store, [directory]);
  }, 180_000);
  afterAll(async () => dispose?.());

  test('imports with no problem, creates exactly what the summary counts and changes no curated record', () => {
    expect(generated.statistics).toBeGreaterThan(8_000);
    expect(generated.statistics).toBeLessThan(12_000);
    expect(imported.duplicates).toBe(0);
    for (const kind of NODE_KINDS) {
      expect({ kind, ...imported.nodes[kind] }).toEqual({
        kind,
        created: generated.counts[kind] ?? 0,
        updated: 0,
        unchanged: 0,
      });
    }
    expect(imported.relationships).toEqual({
      created: generated.counts.Relationship,
      updated: 0,
      unchanged: 0,
    });
    const probes = JSON.parse(
      readFileSync(path.join(path.dirname(generated.files[0] ?? ''), 'probes.json'), 'utf8'),
    ) as GenerateSummary;
    expect(probes.probes).toEqual(generated.probes);
  });

  test('the probes resolve: company, members, ranking, time series, a 3-hop path, search', async () => {
    const { probes } = generated;
    const members = await findMembers(store, [probes.association]);
    expect(members.length).toBeGreaterThanOrEqual(10);

    const ranking = await rank(store, {
      membersOf: probes.association,
      metric: 'exports',
      period: probes.period,
      destination: probes.destination,
    });
    expect(ranking.rows.filter((row) => !row.broaderThanAsked).length).toBeGreaterThanOrEqual(3);

    const series = await findStatistics(store, {
      subjectIds: [probes.timeSeriesSubject],
      metric: probes.timeSeriesMetric,
      within: `${probes.timeSeriesFrom}/${probes.timeSeriesTo}`,
    });
    expect(series.map((s) => s.period)).toEqual(
      Array.from(
        { length: 12 },
        (_, i) => `${probes.timeSeriesFrom.slice(0, 4)}-${String(i + 1).padStart(2, '0')}`,
      ),
    );

    const paths = await findShortestPaths(store, probes.pathFrom, probes.pathTo);
    expect(paths.length).toBeGreaterThan(0);
    for (const p of paths) expect(p.edges).toHaveLength(3);

    const graph = await createTradeGraph({ store });
    const result = await graph.execute(
      'query ($id: ID!, $text: String!) { entity(id: $id) { id } search(text: $text) { score } }',
      { id: probes.company, text: probes.searchText },
    );
    expect(result.errors).toBeUndefined();
    expect((result.data?.entity as { id: string } | null)?.id).toBe(probes.company);
    const hits = (result.data?.search as unknown[]).length;
    expect(hits).toBeGreaterThanOrEqual(2);
    expect(hits).toBeLessThanOrEqual(10);
  });
});
