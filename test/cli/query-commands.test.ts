import { parsePeriod } from '../../src/domain/period';
import type { Ranking } from '../../src/queries/ranking';
import { createTradeGraph } from '../../src/trade-graph';
import { cliOn, type CliOnEngine } from '../helpers/cli';
import { testEngines } from '../helpers/engines';
import { query } from '../helpers/graphs';

interface ApiRanking {
  rows: {
    rank: number;
    subject: { id: string };
    value: number;
    qualifier: string;
    coverage: string;
    broaderThanAsked: boolean;
    sourcesDisagree: boolean;
    statistics: { id: string }[];
  }[];
  context: { id: string }[];
  notes: string[];
}

jest.setTimeout(300_000);

describe.each(testEngines())('CLI questions, same standard as the API (%s)', (engine) => {
  let cli: CliOnEngine;
  beforeAll(async () => {
    cli = await cliOn(engine);
  });
  afterAll(async () => {
    await cli.dispose();
  });

  test('a known association and metric answer the ranking', async () => {
    const result = await cli.run(['rank', 'anpact', '--metric', 'exports', '--period', '2026-01']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^1\. freightliner\t3,556 vehicles/m);
  });

  test('the CLI and the API give the same ranking for the headline question', async () => {
    const result = await cli.run([
      'rank',
      'anpact',
      '--members-as-of',
      '2026',
      '--metric',
      'exports',
      '--period',
      '2026-01',
      '--destination',
      'US',
      '--json',
    ]);
    expect(result.code).toBe(0);
    const fromCli = JSON.parse(result.stdout) as Ranking;
    const fromApi = await cli.withStore(async (store) => {
      const graph = await createTradeGraph({ store });
      return query<{ ranking: ApiRanking }>(
        graph,
        `{ ranking(input: { membersOf: "anpact", membersAsOf: "2026", metric: "exports", period: "2026-01", destination: "US" }) {
            rows { rank subject { id } value qualifier coverage broaderThanAsked sourcesDisagree statistics { id } }
            context { id } notes } }`,
      );
    });
    expect(fromCli.rows.length).toBeGreaterThan(0);
    expect(
      fromApi.ranking.rows.map((r) => ({
        ...r,
        subject: r.subject.id,
        statistics: r.statistics.map((s) => s.id),
      })),
    ).toEqual(
      fromCli.rows.map((r) => ({
        rank: r.rank,
        subject: r.subjectId,
        value: r.value,
        qualifier: r.qualifier.toUpperCase().replace('-', '_'),
        coverage: r.coverage,
        broaderThanAsked: r.broaderThanAsked,
        sourcesDisagree: r.sourcesDisagree,
        statistics: r.statistics.map((s) => s.id),
      })),
    );
    expect(fromApi.ranking.context.map((s) => s.id)).toEqual(fromCli.context.map((s) => s.id));
    expect(fromCli.context.length).toBeGreaterThan(0);
    expect(fromApi.ranking.notes).toEqual(fromCli.notes);
  });

  test('an unknown metric fails with the API error, its closest name, and exit code 1', async () => {
    const result = await cli.run(['rank', 'anpact', '--metric', 'export', '--period', '2026-01']);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim()).toBe(
      'metric: "export" is not a known metric (see the metrics query); did you mean "exports"?',
    );
  });

  test('an unknown association fails, suggests the close id, and exits 1', async () => {
    const result = await cli.run(['rank', 'anpct', '--metric', 'exports', '--period', '2026-01']);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(
      'no association with id "anpct"; did you mean "anpact" (Association, ANPACT)?',
    );
  });

  test('a malformed period is a clear error naming the forms accepted, never a stack trace', async () => {
    const result = await cli.run(['stats', 'MX', '--period', '2026-1']);
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe(`period: ${String(parsePeriod('2026-1'))}`);
    expect(result.stderr).toContain('2026-01');
    expect(result.stderr).not.toMatch(/\bat \S+ \(/);
  });

  test('show of an id in the wrong case suggests the id; show hides internal fields', async () => {
    const wrong = await cli.run(['show', 'Daimay']);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr.trim()).toBe(
      'no node with id "Daimay"; did you mean "daimay" (Company, Daimay Automotive Interior)?',
    );
    const right = await cli.run(['show', 'amda']);
    expect(right.code).toBe(0);
    const shown = JSON.parse(right.stdout) as Record<string, unknown>;
    expect(shown).toMatchObject({ kind: 'Association', id: 'amda', name: 'AMDA' });
    expect(shown.nameEs).toBe('Asociación Mexicana de Distribuidores de Automotores');
    expect(shown).not.toHaveProperty('searchText');
    expect(right.stdout).not.toContain('searchText');
  });

  test('search finds by name ignoring case and accents, and --json gives the hits', async () => {
    const result = await cli.run(['--json', 'search', 'Asociacion', 'Nacional']);
    expect(result.code).toBe(0);
    const hits = JSON.parse(result.stdout) as { node: { id: string; kind: string }; score: number }[];
    expect(hits[0]?.node).toMatchObject({ id: 'anpact', kind: 'Association' });
    const none = await cli.run(['search', 'x']);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('text: give at least 2 letters or digits to search for');
  });
});
