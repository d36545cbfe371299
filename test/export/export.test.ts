import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { defaultDataDirectory } from '../../src/import/dataset';
import { exportGraph } from '../../src/export/export';
import { graphChecksum } from '../../src/export/graph-checksum';
import { importFiles } from '../../src/import/import';
import type { EmbeddedStore } from '../../src/store/embedded/embedded-store';
import { idsIn } from '../../src/export/ids-in';
import { HEADLINE_QUERY } from '../../src/server/examples';
import { createTradeGraph } from '../../src/trade-graph';
import { writeFiles } from '../helpers/import-files';
import { openLoadedStore, openTemporaryStore } from '../helpers/stores';

describe('Export', () => {
  let curated: EmbeddedStore;
  let dispose: () => Promise<void>;
  let work: ReturnType<typeof writeFiles>;
  beforeAll(async () => {
    ({ store: curated, dispose } = await openLoadedStore(defaultDataDirectory()));
    work = writeFiles({});
  });
  afterAll(async () => {
    work.remove();
    await dispose();
  });

  test.each(['jsonl', 'csv'] as const)(
    'the curated graph exported as %s imports into an empty store as the identical graph',
    async (format) => {
      const target = path.join(work.directory, format === 'csv' ? 'curated-csv' : 'curated.jsonl');
      const exported = await exportGraph(curated, target, { format });
      const before = await graphChecksum(curated);
      expect(exported.nodes).toEqual(before.nodes);
      const empty = await openTemporaryStore();
      try {
        const summary = await importFiles(empty.store, [target]);
        expect(summary.nodes.Statistic.created).toBe(before.nodes.Statistic);
        const after = await graphChecksum(empty.store);
        expect(after.relationships).toBe(before.relationships);
        expect(after.checksum).toBe(before.checksum);
      } finally {
        await empty.dispose();
      }
      if (format === 'csv') {
        expect(readdirSync(target).sort()).toEqual([
          'agencies.csv',
          'associations.csv',
          'companies.csv',
          'countries.csv',
          'people.csv',
          'plants.csv',
          'policies.csv',
          'regions.csv',
          'relationships.csv',
          'sectors.csv',
          'sources.csv',
          'statistics.csv',
        ]);
      }
    },
  );

  test('a neighbourhood export is self-contained and cites its sources', async () => {
    const { store, dispose: close } = await openLoadedStore();
    const target = path.join(work.directory, 'alpha.jsonl');
    try {
      await exportGraph(store, target, { format: 'jsonl', root: 'alpha-trucks', depth: 1 });
      const lines = readFileSync(target, 'utf8')
        .trim()
        .split('\n')
        .map(
          (line) =>
            JSON.parse(line) as { kind: string; id?: string; type?: string; from?: string; to?: string },
        );
      const ids = lines.filter((line) => line.id).map((line) => `${line.kind}:${line.id}`);
      expect(ids).toEqual(
        expect.arrayContaining([
          'Company:alpha-trucks',
          'Association:truckmakers',
          'Plant:alpha-saltillo-plant',
          'Statistic:alpha-exports-2026-01-fx',
          'Statistic:alpha-exports-2026-01-older',
          'Country:MX', // the origin of alpha's exports
          'Source:fx-report-2026',
          'Source:fx-older-2022',
        ]),
      );
      expect(ids).not.toContain('Company:gamma-parts'); // two steps away
      expect(
        lines.filter((line) => line.kind === 'Relationship').map((l) => `${l.type} ${l.from} ${l.to}`),
      ).toEqual([
        'MEMBER_OF alpha-trucks truckmakers',
        'MEMBER_OF alpha-trucks truckmakers',
        'OPERATES alpha-trucks alpha-saltillo-plant',
      ]);
      const empty = await openTemporaryStore();
      try {
        const summary = await importFiles(empty.store, [target]);
        expect(summary.nodes.Statistic.created).toBe(2);
      } finally {
        await empty.dispose();
      }
    } finally {
      await close();
    }
  });

  test("a query's answer exports as exactly the nodes it names, self-contained", async () => {
    const graph = await createTradeGraph({ store: curated });
    const answer = await graph.execute(HEADLINE_QUERY);
    expect(answer.errors).toBeUndefined();
    const named = [...idsIn(answer.data)];
    expect(named).toEqual(expect.arrayContaining(['freightliner', 'MX']));

    const target = path.join(work.directory, 'headline.jsonl');
    const exported = await exportGraph(curated, target, { format: 'jsonl', ids: named });
    const lines = readFileSync(target, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { kind: string; id?: string; source?: string });
    const statistics = lines.filter((line) => line.kind === 'Statistic');
    // Only the figures the ranking cites, not every statistic of every member.
    expect(statistics.map((line) => line.id).sort()).toEqual(
      named.filter((id) => statistics.some((line) => line.id === id)).sort(),
    );
    expect(exported.nodes.Statistic).toBeLessThan((await graphChecksum(curated)).nodes.Statistic / 4);
    const sources = new Set(lines.filter((line) => line.kind === 'Source').map((line) => line.id));
    for (const statistic of statistics) expect(sources).toContain(statistic.source);

    const empty = await openTemporaryStore();
    try {
      const summary = await importFiles(empty.store, [target]);
      expect(summary.nodes.Statistic.created).toBe(statistics.length);
      expect(summary.nodes.Company.created).toBeGreaterThanOrEqual(2);
    } finally {
      await empty.dispose();
    }
  });

  test('an export of ids names every id it does not know, and writes nothing', async () => {
    const target = path.join(work.directory, 'unknown.jsonl');
    await expect(
      exportGraph(curated, target, { format: 'jsonl', ids: ['freightliner', 'no-such-node', 'nor-this'] }),
    ).rejects.toThrow('no node with id "no-such-node", "nor-this"');
    expect(readdirSync(work.directory).filter((name) => name.startsWith('unknown'))).toEqual([]);
  });
});

const networkx = spawnSync('python3', ['-c', 'import networkx; print(networkx.__version__)'], {
  encoding: 'utf8',
});
const networkxMissing =
  networkx.error || networkx.status !== 0
    ? `GraphML check skipped: python3 with networkx is not available (${networkx.error?.message ?? networkx.stderr.trim().split('\n').pop()}); install Debian's python3-networkx`
    : null;

const READ_GRAPHML = `
import json, sys, networkx
g = networkx.read_graphml(sys.argv[1])
print(json.dumps({
  "type": type(g).__name__,
  "nodes": g.number_of_nodes(),
  "edges": g.number_of_edges(),
  "anpact": g.nodes["anpact"],
  "statistic": g.nodes["mx-exports-2026-01-us-a045"],
  "member": [d for _, _, d in g.edges("freightliner", data=True) if d["type"] == "MEMBER_OF"][0],
  "measures": [v for _, v, d in g.edges("mx-exports-2026-01-us-a045", data=True) if d["type"] == "MEASURES"],
}))
`;

if (networkxMissing) {
  console.warn(networkxMissing);
  test.skip(networkxMissing, () => undefined);
} else {
  test('GraphML export reads in NetworkX with every node, edge and attribute', async () => {
    const { store, dispose } = await openLoadedStore(defaultDataDirectory());
    const work = writeFiles({});
    try {
      const file = path.join(work.directory, 'curated.graphml');
      const exported = await exportGraph(store, file, { format: 'graphml' });
      const checksum = await graphChecksum(store);
      const result = spawnSync('python3', ['-c', READ_GRAPHML, file], { encoding: 'utf8' });
      expect(result.stderr).toBe('');
      const graph = JSON.parse(result.stdout) as {
        type: string;
        nodes: number;
        edges: number;
        anpact: Record<string, unknown>;
        statistic: Record<string, unknown>;
        member: Record<string, unknown>;
        measures: string[];
      };
      const nodes = Object.values(exported.nodes).reduce((sum, n) => sum + n, 0);
      expect(graph.type).toBe('MultiDiGraph');
      expect(graph.nodes).toBe(nodes);
      // Claims plus the statistics' links: every relationship the store holds.
      expect(graph.edges).toBe(checksum.relationships);
      expect(graph.anpact).toMatchObject({ kind: 'Association', label: 'ANPACT', founded: '1992' });
      expect(graph.statistic).toMatchObject({
        kind: 'Statistic',
        label: 'MX exports to US 2026-01',
        value: 4783,
        unit: 'vehicles',
        destinationId: 'US',
        sourceId: 'a045-elhorizonte',
        changePercent: -54.91,
      });
      expect(graph.member).toMatchObject({ type: 'MEMBER_OF', label: 'MEMBER_OF' });
      expect(typeof graph.member.sourceId).toBe('string');
      expect(graph.measures).toEqual(['MX']);
    } finally {
      work.remove();
      await dispose();
    }
  });
}
