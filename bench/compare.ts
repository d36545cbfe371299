/**
 * Before/after table of two or more `npm run bench` results of one scale (bench/results/*.json),
 * as markdown: statements per request (cold / warm) against the nesting depth, HTTP p50 at one
 * connection and req/s at `--connections` with the answer cache off, and in-process p50, with the
 * after/before ratios. Results given in pairs (before, after, before, after…) are averaged per side.
 *
 *   npx tsx bench/compare.ts before.json after.json [before2.json after2.json …]
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ScaleResult } from './suite/results';

interface Figures {
  cold: number;
  warm: number;
  depth: number;
  p50: number[];
  reqs: number[];
  inProcess: number[];
  /** In-process p50 over the same run's Cypher floor p50: the same query on both sides, so load cancels out. */
  overFloor: number[];
}

function figuresOf(results: readonly ScaleResult[]): Map<string, Figures> {
  const byName = new Map<string, Figures>();
  for (const result of results) {
    for (const op of result.operations) {
      const entry = byName.get(op.name) ?? {
        cold: op.inProcess?.roundTrips ?? Number.NaN,
        warm: op.inProcess?.roundTripsWarm ?? Number.NaN,
        depth: op.nestingDepth,
        p50: [],
        reqs: [],
        inProcess: [],
        overFloor: [],
      };
      entry.p50.push(op.http.http1.latencyMs.p50);
      entry.reqs.push(op.http.httpN.requestsPerSecond);
      if (op.inProcess) entry.inProcess.push(op.inProcess.latencyMs.p50);
      if (op.inProcess?.floor)
        entry.overFloor.push(op.inProcess.latencyMs.p50 / op.inProcess.floor.latencyMs.p50);
      byName.set(op.name, entry);
    }
  }
  return byName;
}

const mean = (values: readonly number[]): number =>
  values.length === 0 ? Number.NaN : values.reduce((a, b) => a + b, 0) / values.length;
const fmt = (n: number): string =>
  Number.isNaN(n) ? '–' : n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2);
const ratio = (after: number, before: number): string => `${(after / before).toFixed(2)}×`;

function main(): void {
  const files = process.argv.slice(2);
  if (files.length < 2 || files.length % 2 !== 0) {
    throw new Error('give result files in pairs: before.json after.json [before2.json after2.json …]');
  }
  const read = (file: string): ScaleResult => JSON.parse(readFileSync(file, 'utf8')) as ScaleResult;
  const before = files.filter((_f, i) => i % 2 === 0).map(read);
  const after = files.filter((_f, i) => i % 2 === 1).map(read);
  const b = figuresOf(before);
  const a = figuresOf(after);
  const lines = [
    `Runs: ${files.map((f) => path.basename(f)).join(', ')} (${before.length} pair(s), averaged per side).`,
    '',
    '| operation | depth | statements cold / warm: before | after | HTTP p50 ms (1 conn.): before | after | ratio | req/s (10 conn.): before | after | ratio | in-process p50 ms: before | after | ratio | in-process ÷ floor: before | after |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const [name, x] of b) {
    const y = a.get(name);
    if (!y) continue;
    lines.push(
      `| ${name} | ${x.depth} | ${x.cold} / ${x.warm} | ${y.cold} / ${y.warm} | ${fmt(mean(x.p50))} | ${fmt(mean(y.p50))} | ${ratio(mean(y.p50), mean(x.p50))} | ${fmt(mean(x.reqs))} | ${fmt(mean(y.reqs))} | ${ratio(mean(y.reqs), mean(x.reqs))} | ${fmt(mean(x.inProcess))} | ${fmt(mean(y.inProcess))} | ${ratio(mean(y.inProcess), mean(x.inProcess))} | ${fmt(mean(x.overFloor))} | ${fmt(mean(y.overFloor))} |`,
    );
  }
  const floor = (results: readonly ScaleResult[]): number =>
    mean(
      results.flatMap((r) =>
        r.servers.filter((s) => s.variant === 'noCache').map((s) => s.stackFloor.http1.latencyMs.p50),
      ),
    );
  lines.push(
    `| stack floor | 0 | – | – | ${fmt(floor(before))} | ${fmt(floor(after))} | ${ratio(floor(after), floor(before))} | | | | | | | | |`,
  );
  process.stdout.write(`${lines.join('\n')}\n`);
}

main();
