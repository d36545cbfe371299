import { existsSync } from 'node:fs';
import { parsePeriod } from '../../src/domain/period';
import type { Ranking } from '../../src/queries/ranking';
import { findNodes } from '../../src/store/find-nodes';
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
  /** The API's answer on the store the commands run on. */
  const apiOn = <T>(operation: string): Promise<T> =>
    cli.withStore(async (store) => query<T>(await createTradeGraph({ store }), operation));

  test('a known association and metric answer the ranking', async () => {
    const result = await cli.ask(['rank', 'anpact', '--metric', 'exports', '--period', '2026-01']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^1\. freightliner\t3,556 vehicles/m);
  });

  test('the CLI and the API give the same ranking for the headline question', async () => {
    const result = await cli.ask([
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
    // The real command: its exit code and what it writes to stderr.
    const result = await cli.run(['rank', 'anpact', '--metric', 'export', '--period', '2026-01']);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim()).toBe(
      'metric: "export" is not a known metric (see the metrics query); did you mean "exports"?',
    );
  });

  test('an unknown association fails, suggests the close id, and exits 1', async () => {
    const result = await cli.ask(['rank', 'anpct', '--metric', 'exports', '--period', '2026-01']);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(
      'no association with id "anpct"; did you mean "anpact" (Association, ANPACT)?',
    );
  });

  test('a malformed period is a clear error naming the forms accepted, never a stack trace', async () => {
    const result = await cli.ask(['stats', 'MX', '--period', '2026-1']);
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe(`period: ${String(parsePeriod('2026-1'))}`);
    expect(result.stderr).toContain('2026-01');
    expect(result.stderr).not.toMatch(/\bat \S+ \(/);
  });

  test('show of an id in the wrong case suggests the id; show hides internal fields', async () => {
    const wrong = await cli.ask(['show', 'Daimay']);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr.trim()).toBe(
      'no node with id "Daimay"; did you mean "daimay" (Company, Daimay Automotive Interior)?',
    );
    const right = await cli.ask(['show', 'amda']);
    expect(right.code).toBe(0);
    const shown = JSON.parse(right.stdout) as Record<string, unknown>;
    expect(shown).toMatchObject({ kind: 'Association', id: 'amda', name: 'AMDA' });
    expect(shown.nameEs).toBe('Asociación Mexicana de Distribuidores de Automotores');
    expect(shown).not.toHaveProperty('searchText');
    expect(right.stdout).not.toContain('searchText');
  });

  test('search finds by name ignoring case and accents, and --json gives the hits', async () => {
    const result = await cli.ask(['--json', 'search', 'Asociacion', 'Nacional']);
    expect(result.code).toBe(0);
    const hits = JSON.parse(result.stdout) as { node: { id: string; kind: string }; score: number }[];
    expect(hits[0]?.node).toMatchObject({ id: 'anpact', kind: 'Association' });
    const none = await cli.ask(['search', 'x']);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('text: give at least 2 letters or digits to search for');
  });

  test('the command runs on the engine under test (Neo4j: nothing written to the embedded directory)', async () => {
    const result = await cli.run(['--json', 'show', 'anpact']);
    expect(result.code).toBe(0);
    expect(existsSync(cli.env.TRADEGRAPH_DB_DIR as string)).toBe(engine === 'embedded');
    const ids = await cli.withStore(async (store) => [...(await findNodes(store, ['anpact'])).keys()]);
    expect(ids).toEqual(['anpact']);
  });

  test('members --as-of gives the members, claims and notes of the API’s members(asOf:) and excludedMembers', async () => {
    const result = await cli.ask(['--json', 'members', 'anpact', '--as-of', '2024']);
    expect(result.code).toBe(0);
    const fromCli = JSON.parse(result.stdout) as {
      members: {
        member: { id: string };
        claims: { sourceId: string; asOf: string | null }[];
        note: string | null;
      }[];
      excluded: string[];
    };
    const fromApi = await apiOn<{
      association: {
        members: {
          node: { id: string };
          claims: { sourceId: string; asOf: string | null }[];
          note: string | null;
        }[];
        excludedMembers: { note: string | null }[];
      };
    }>(
      `{ association(id: "anpact") {
          members(asOf: "2024") { node { id } claims { sourceId asOf } note }
          excludedMembers(asOf: "2024") { note } } }`,
    );
    const byId = <T extends { id: string }>(rows: { id: string; rest: T }[]) =>
      rows.sort((a, b) => a.id.localeCompare(b.id)).map((r) => r.rest);
    const claimKey = (c: { sourceId: string; asOf: string | null }): string =>
      `${c.sourceId}@${c.asOf ?? ''}`;
    expect(
      byId(
        fromCli.members.map((m) => ({
          id: m.member.id,
          rest: { id: m.member.id, claims: m.claims.map(claimKey).sort(), note: m.note },
        })),
      ),
    ).toEqual(
      byId(
        fromApi.association.members.map((m) => ({
          id: m.node.id,
          rest: { id: m.node.id, claims: m.claims.map(claimKey).sort(), note: m.note },
        })),
      ),
    );
    expect(fromCli.members.length).toBeGreaterThan(0);
    expect([...fromCli.excluded].sort()).toEqual(
      fromApi.association.excludedMembers.map((m) => m.note).sort(),
    );
  });

  test('stats, who, path and conflicts answer what the API answers', async () => {
    const stats = await cli.ask(['--json', 'stats', 'MX', '--metric', 'exports', '--period', '2026-01']);
    expect(stats.code).toBe(0);
    const who = await cli.ask(['--json', 'who', 'alejandro-osorio']);
    expect(who.code).toBe(0);
    const path = await cli.ask(['--json', 'path', 'daimay', 'usmca']);
    expect(path.code).toBe(0);
    const conflicts = await cli.ask(['--json', 'conflicts', '--subject', 'MX']);
    expect(conflicts.code).toBe(0);
    const api = await apiOn<{
      statistics: { id: string }[];
      person: { roles: { node: { id: string }; claims: { role: string | null; sourceId: string }[] }[] };
      paths: { nodes: { id: string }[] }[];
      conflicts: { a: { id: string }; b: { id: string } }[];
    }>(
      `{ statistics(subjects: ["MX"], metric: "exports", period: "2026-01") { id }
         person(id: "alejandro-osorio") { roles { node { id } claims { role sourceId } } }
         paths(from: "daimay", to: "usmca") { nodes { id } }
         conflicts(subjects: ["MX"]) { a { id } b { id } } }`,
    );
    const cliStats = JSON.parse(stats.stdout) as { id: string }[];
    expect(cliStats.length).toBeGreaterThan(0);
    expect(cliStats.map((s) => s.id)).toEqual(api.statistics.map((s) => s.id));
    const roles = JSON.parse(who.stdout) as {
      organisation: { id: string };
      role: string | null;
      sourceId: string;
    }[];
    expect(roles.map((r) => `${r.organisation.id} ${r.role} ${r.sourceId}`).sort()).toEqual(
      api.person.roles.flatMap((r) => r.claims.map((c) => `${r.node.id} ${c.role} ${c.sourceId}`)).sort(),
    );
    const paths = JSON.parse(path.stdout) as { nodes: { id: string }[] }[];
    expect(paths.length).toBeGreaterThan(0);
    expect(paths.map((p) => p.nodes.map((n) => n.id).join('/'))).toEqual(
      api.paths.map((p) => p.nodes.map((n) => n.id).join('/')),
    );
    const pairs = JSON.parse(conflicts.stdout) as { a: { id: string }; b: { id: string } }[];
    expect(pairs.map((c) => `${c.a.id}|${c.b.id}`)).toEqual(api.conflicts.map((c) => `${c.a.id}|${c.b.id}`));
    // Dates two sources give differently are listed too, with both sources.
    const dates = await cli.run(['conflicts', '--subject', 'usmca-2026-review']);
    expect(dates.code).toBe(0);
    expect(dates.stdout).toContain(
      'precision\tusmca-2026-review startDate: 2026-07 (a032-oabroad) vs 2026-07-01 (a049-latinvex)',
    );
  });
});
