import { defaultDataDirectory } from '../../src/import/dataset';
import { findMembers, findMembersAt } from '../../src/queries/members';
import { findNodes } from '../../src/store/find-nodes';
import { findRoles, findShortestPaths } from '../../src/queries/paths';
import { rank } from '../../src/queries/ranking';
import { findStatistics } from '../../src/queries/statistics';
import type { GraphStore } from '../../src/store/graph-store';
import { openLoadedEngineStore, testEngines } from '../helpers/engines';

const ANPACT_MEMBERS_2026 = [
  'cummins',
  'daimler-buses-mexico',
  'detroit-diesel',
  'dina',
  'foton',
  'freightliner',
  'hino',
  'international',
  'isuzu',
  'kenworth',
  'man',
  'mercedes-benz',
  'navistar',
  'scania',
  'shacman',
  'vw-trucks-buses',
];

describe.each(testEngines())('Curated dataset: the questions the graph must answer (%s)', (engine) => {
  let store: GraphStore;
  let dispose: () => Promise<void>;

  beforeAll(async () => {
    ({ store, dispose } = await openLoadedEngineStore(engine, defaultDataDirectory(), { reuse: true }));
  });
  afterAll(async () => dispose());

  test('Anpact has the 16 members the January 2026 source names', async () => {
    const members = await findMembers(store, ['anpact'], { sourceId: 'seed-borderlands-2026-01' });
    expect(members.map((m) => m.member.id).sort()).toEqual(ANPACT_MEMBERS_2026);
    const asOf2026 = await findMembers(store, ['anpact'], { asOf: '2026' });
    expect(asOf2026.map((m) => m.member.id).sort()).toEqual(ANPACT_MEMBERS_2026);
  });

  test('an older source’s member list stays answerable on its own', async () => {
    const members2021 = await findMembers(store, ['anpact'], { asOf: '2021' });
    expect(members2021.length).toBe(14);
    expect(members2021.every((m) => m.claims.some((c) => c.asOf?.startsWith('2021')))).toBe(true);
  });

  test('members at a date between two lists rest on the claims before and after it, said in notes', async () => {
    const { members, excluded } = await findMembersAt(store, ['anpact'], { asOf: '2024' });
    const freightliner = members.find((m) => m.member.id === 'freightliner');
    expect(freightliner?.note).toMatch(
      /no claim speaks for 2024, but a019-freightwaves \(2023-11\) before it and seed-borderlands-2026-01 \(2026-01\) after it/,
    );
    // Listed in 2021 but in no later list: excluded, by name.
    expect(excluded.join(' ')).toMatch(/mack is excluded: its latest claim is a009-opportimes \(2021\)/);
    const all = await findMembers(store, ['anpact']);
    expect(members.length + excluded.length).toBe(all.length);
  });

  test('members at 2026 ranked by January 2026 exports: the headline, and notes on who is left out', async () => {
    const ranking = await rank(store, {
      membersOf: 'anpact',
      metric: 'exports',
      period: '2026-01',
      membersAsOf: '2026',
    });
    expect(ranking.rows.map((r) => [r.subjectId, r.value])).toEqual([
      ['freightliner', 3556],
      ['international', 1445],
    ]);
    expect(ranking.notes.join(' ')).toMatch(/mack is excluded/);
  });

  test('Anpact members ranked by January 2026 exports, each figure scoped and cited', async () => {
    const ranking = await rank(store, { membersOf: 'anpact', metric: 'exports', period: '2026-01' });
    const [first, second] = ranking.rows;
    expect([first?.subjectId, first?.value, first?.coverage]).toEqual([
      'freightliner',
      3556,
      'all destinations',
    ]);
    expect([second?.subjectId, second?.value, second?.coverage]).toEqual([
      'international',
      1445,
      'all destinations',
    ]);
    expect(first?.statistics.map((s) => s.sourceId).sort()).toEqual([
      'a045-elhorizonte',
      'seed-borderlands-2026-01',
    ]);
    expect(second?.statistics.map((s) => s.sourceId)).toEqual(['seed-borderlands-2026-01']);
  });

  test('ranking for the US marks maker totals as broader than the US', async () => {
    const ranking = await rank(store, {
      membersOf: 'anpact',
      metric: 'exports',
      period: '2026-01',
      destination: 'US',
    });
    expect(ranking.rows[0]).toMatchObject({
      subjectId: 'freightliner',
      broaderThanAsked: true,
      coverage: 'all destinations',
    });
    const share = ranking.context.find((s) => s.metric === 'export_share' && s.destinationId === 'US');
    expect(share?.value).toBe(94.2);
  });

  test('Mexico’s heavy-vehicle exports in January 2026, in total and to the US', async () => {
    const exports = await findStatistics(store, { subjectIds: ['MX'], metric: 'exports', period: '2026-01' });
    const totals = exports.filter((s) => s.destinationId === null);
    expect(totals.map((s) => [s.value, s.changePercent, s.sourceId]).sort()).toEqual([
      [5076, -53.79, 'a045-elhorizonte'],
      [5076, -53.8, 'seed-borderlands-2026-01'],
    ]);
    const toUs = exports.filter((s) => s.destinationId === 'US');
    expect(new Set(toUs.map((s) => s.value))).toEqual(new Set([4783]));
    const share = await findStatistics(store, {
      subjectIds: ['MX'],
      metric: 'export_share',
      period: '2026-01',
      destination: 'US',
    });
    expect(share.map((s) => s.value)).toContain(94.2);
  });

  test('Mexico’s heavy-vehicle production in January 2026 and January 2025', async () => {
    const production = await findStatistics(store, {
      subjectIds: ['MX'],
      metric: 'production',
      totalsOnly: true,
    });
    const values = (period: string): Set<number> =>
      new Set(
        production.filter((s) => s.period === period && s.sectorId === 'heavy-vehicles').map((s) => s.value),
      );
    expect(values('2026-01')).toEqual(new Set([6793]));
    expect(values('2025-01')).toEqual(new Set([14108]));
  });

  test('Alejandro Osorio is Anpact’s public affairs director', async () => {
    const roles = await findRoles(store, 'alejandro-osorio');
    const current = roles.find((r) => r.sourceId === 'seed-borderlands-2026-01');
    expect(current?.organisation.id).toBe('anpact');
    expect(current?.role).toMatch(/public affairs/i);
  });

  test.each([
    ['daimay', 'usmca'],
    ['freightliner', 'US'],
  ])('%s and %s are connected by a path whose every edge cites a source', async (from, to) => {
    const paths = await findShortestPaths(store, from, to);
    expect(paths.length).toBeGreaterThan(0);
    const sourceIds = new Set(paths.flatMap((p) => p.edges.map((e) => String(e.properties.source))));
    const sources = await findNodes(store, [...sourceIds]);
    expect([...sourceIds].filter((id) => sources.get(id)?.kind !== 'Source')).toEqual([]);
    for (const path of paths) {
      expect(path.nodes[0]?.id).toBe(from);
      expect(path.nodes[path.nodes.length - 1]?.id).toBe(to);
    }
  });

  test.each([
    ['exports', ['2022', '2022-05', '2022-11', '2023-01', '2025-01', '2026-01']],
    [
      'production',
      ['2021-01/2021-09', '2022', '2022-05', '2022-11', '2023-01', '2024-03', '2025-01', '2026-01'],
    ],
  ])('every period with per-maker %s figures gives a ranking', async (metric, expected) => {
    const makers = await findMembers(store, ['anpact']);
    const statistics = await findStatistics(store, { subjectIds: makers.map((m) => m.member.id), metric });
    const periods = [...new Set(statistics.map((s) => s.period))].sort();
    expect(periods).toEqual(expect.arrayContaining(expected));
    for (const period of periods) {
      const ranking = await rank(store, { membersOf: 'anpact', metric, period });
      expect(ranking.rows.length).toBeGreaterThan(0);
      expect(
        ranking.rows.every((r) => r.statistics.every((s) => s.period === period && s.metric === metric)),
      ).toBe(true);
    }
  });

  test('every statistic and relationship names a source that exists', async () => {
    const all = await findStatistics(store, {
      subjectIds: ['MX', 'US', 'anpact', 'freightliner', 'international', 'kenworth', 'paccar', 'navistar'],
    });
    const sourceIds = [...new Set(all.map((s) => s.sourceId))];
    const found = await findNodes(store, sourceIds);
    expect(sourceIds.filter((id) => found.get(id)?.kind !== 'Source')).toEqual([]);
  });
});
