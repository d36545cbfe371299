import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CURATED_PROBES, type Probes } from '../../bench/suite/dataset';
import { nestingDepth, operations } from '../../bench/suite/operations';
import { chart, targets } from '../../bench/suite/report';
import type { ScaleResult } from '../../bench/suite/results';
import { floorStatement, openBenchStore } from '../../bench/suite/store';
import { generateDataset } from '../../src/generate';
import { importFiles } from '../../src/import/import';
import { ensureDataset } from '../../src/import/ensure-dataset';
import { createTradeGraph } from '../../src/trade-graph';
import { TINY_SIZES as TINY } from '../helpers/generated';

describe('bench suite (npm run bench)', () => {
  test('nesting depth counts fields with selections of their own on the deepest path', () => {
    expect(nestingDepth('{ __typename }')).toBe(0);
    expect(nestingDepth('{ company(id: "x") { id sources { title } } }')).toBe(2);
    expect(nestingDepth('{ search(text: "x") { node { id ... on Entity { name } } } }')).toBe(2);
    const depths = Object.fromEntries(operations(CURATED_PROBES).map((o) => [o.name, nestingDepth(o.query)]));
    expect(depths).toEqual({
      lookup: 2,
      search: 2,
      members: 4,
      ranking: 4,
      'time series': 2,
      nested: 5,
      path: 3,
    });
  });

  test.each([['curated'], ['generated']])(
    'on the %s data every operation answers without errors and every floor query runs and gives rows',
    async (which) => {
      const scratch = mkdtempSync(path.join(os.tmpdir(), 'tradegraph-bench-test-'));
      const store = await openBenchStore(path.join(scratch, 'db'));
      try {
        await ensureDataset(store);
        let probes: Probes = CURATED_PROBES;
        if (which === 'generated') {
          const summary = await generateDataset({
            scale: 'S',
            seed: 5,
            outDir: path.join(scratch, 'files'),
            sizes: TINY,
          });
          await importFiles(store, summary.files);
          probes = summary.probes;
        }
        const graph = await createTradeGraph({ store });
        for (const operation of operations(probes)) {
          const result = await graph.execute(operation.query, operation.variables);
          expect({ name: operation.name, errors: result.errors }).toEqual({
            name: operation.name,
            errors: undefined,
          });
          expect(JSON.stringify(result.data).length).toBeGreaterThan(40);
          expect(operation.floors.length).toBeGreaterThan(0);
          for (const floor of operation.floors) {
            const rows = await store.read(floorStatement(floor.statement), floor.params);
            expect({ floor: floor.statement, rows: rows.length > 0 }).toEqual({
              floor: floor.statement,
              rows: true,
            });
          }
        }
      } finally {
        await store.close();
        rmSync(scratch, { recursive: true, force: true });
      }
    },
    120_000,
  );

  test('targets and the chart come from the results of each scale', () => {
    const run = (p50: number, rps: number) => ({
      connections: 1,
      seconds: 1,
      requests: 10,
      requestsPerSecond: rps,
      latencyMs: { count: 10, p50, p95: p50, p99: p50, mean: p50 },
      errors: 0,
    });
    const result = (scale: string, factor: number): ScaleResult =>
      ({
        scale,
        settings: { durationSeconds: 1, connections: 10, inProcessSeconds: 1 },
        dataset: { statistics: factor * 10_000 },
        servers: [{ variant: 'noCache', stackFloor: { http1: run(1, 1000), httpN: run(2, 2000) } }],
        operations: [
          {
            name: 'lookup',
            indexBacked: true,
            nestingDepth: 2,
            http: { http1: run(2 * factor, 100), httpN: run(2, 1600) },
            httpDefault: null,
            inProcess: { roundTrips: 2 },
          },
          {
            name: 'ranking',
            indexBacked: false,
            nestingDepth: 4,
            http: { http1: run(10, 100), httpN: run(2, 100) },
            httpDefault: null,
            inProcess: { roundTrips: 5, floor: { latencyMs: { p50: 8 } } },
          },
        ],
      }) as unknown as ScaleResult;
    const found = targets([result('S', 1), result('M', 1.5), result('L', 3)]);
    const met = Object.fromEntries(found.map((t) => [t.target.split(':')[0]?.split(' (')[0], t.met]));
    expect(met['ranking at M']).toBe(true); // 10 ≤ 1.5 × (8 + 1)
    expect(found.filter((t) => t.target.startsWith('round trips')).every((t) => t.met === false)).toBe(true);
    expect(met['index-backed operations']).toBe(false); // 6 ms at L against 2 at S
    expect(found.filter((t) => t.target.startsWith('lookup')).every((t) => t.met === true)).toBe(true);
    const svg = chart([result('S', 1), result('M', 1.5)]);
    expect(svg).toMatch(/^<svg[\s\S]*<\/svg>\n$/);
    expect(svg).toContain('ranking');
  });
});
