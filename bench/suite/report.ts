/**
 * From the results of each scale (the latest file of each in bench/results/): the tables of the
 * "Scale and speed" section of bench/README.md, the targets of issue 5, and an SVG chart of p50
 * latency against scale.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { HttpPair, OperationResult, ScaleResult, ServerRun } from './results';

const SCALE_ORDER = ['curated', 'S', 'M', 'L'];
const START = '<!-- suite:start (written by npm run bench) -->';
const END = '<!-- suite:end -->';

export function latestResults(directory: string): ScaleResult[] {
  const latest = new Map<string, ScaleResult>();
  for (const file of readdirSync(directory).filter((f) =>
    /^\d{4}-\d{2}-\d{2}-(S|M|L|curated)\.json$/.test(f),
  )) {
    const result = JSON.parse(readFileSync(path.join(directory, file), 'utf8')) as ScaleResult;
    if (!Array.isArray(result.servers)) continue; // an older layout
    const previous = latest.get(result.scale);
    if (!previous || previous.date < result.date) latest.set(result.scale, result);
  }
  return [...latest.values()].sort((a, b) => SCALE_ORDER.indexOf(a.scale) - SCALE_ORDER.indexOf(b.scale));
}

const ms = (x: number): string => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const int = (x: number): string => Math.round(x).toLocaleString('en');

const stackOf = (r: ScaleResult, variant: ServerRun['variant'] = 'noCache'): HttpPair | undefined =>
  r.servers.find((s) => s.variant === variant)?.stackFloor;

const errorsOf = (...pairs: (HttpPair | null | undefined)[]): number =>
  pairs.reduce((sum, pair) => sum + (pair ? pair.http1.errors + pair.httpN.errors : 0), 0);

function scaleTables(r: ScaleResult): string {
  const lines: string[] = [];
  const m = r.machine;
  const n = r.settings.connections;
  const servers = r.servers
    .map(
      (s) =>
        `${s.variant === 'noCache' ? 'cache off' : 'defaults'}: RSS ${int(s.rssAtStartMiB)} MiB at start, ${int(s.rssAfterMiB)} after, peak ${int(s.peakRssMiB)}`,
    )
    .join('; ');
  lines.push(
    `### Scale ${r.scale}: ${int(r.dataset.statistics)} generated statistics (seed ${r.seed})`,
    '',
    `${r.date.slice(0, 16).replace('T', ' ')} UTC, commit \`${r.commit}\`${r.uncommittedFiles ? ` + ${r.uncommittedFiles} uncommitted files in src/ and cypher/` : ''}; ` +
      `${m.nproc} × ${m.cpu}, ${m.ramGiB} GiB RAM, ${m.kernel}, Node ${m.node}. ` +
      `HTTP runs of ${r.settings.durationSeconds} s each, at 1 connection (latency) and at ${n} (throughput); ` +
      `in-process runs of ${r.settings.inProcessSeconds} s, one call at a time, no answer cache.`,
    '',
    `Import (\`importFiles\` into a fresh store holding the curated dataset${r.import.reused ? `; measured when the store was made, ${r.import.reused.importedAt.slice(0, 16).replace('T', ' ')} UTC at load ${r.import.reused.loadAverage[0]}, and the store reused by this run` : ''}): ${int(r.import.records)} records in ` +
      `${r.import.importSeconds.toFixed(1)} s (check ${r.import.checkSeconds.toFixed(1)}, write ${r.import.writeSeconds.toFixed(1)}, commit ${r.import.commitSeconds.toFixed(1)}), ` +
      `**${int(r.import.rowsPerSecond)} rows/s**, peak RSS ${int(r.import.peakRssMiB)} MiB` +
      `${r.dataset.generateSeconds > 0 ? `; generating took ${r.dataset.generateSeconds.toFixed(1)} s` : ''}. Server ${servers} MiB.`,
    '',
    `| operation | depth | round trips | cache off: p50 / p95 / p99 ms (1 conn.) | cache off: req/s (${n} conn.) | cache off: p50 / p99 ms (${n} conn.) | cache on: p50 ms (1 conn.) | cache on: req/s (${n} conn.) | in-process p50 ms | Cypher floor p50 ms | errors |`,
    '| --- | --: | --: | --: | --: | --: | --: | --: | --: | --: | --: |',
  );
  const row = (
    name: string,
    depth: string,
    trips: string,
    off: HttpPair | undefined,
    on: HttpPair | null | undefined,
    inProcess: string,
    floor: string,
  ): string =>
    `| ${name} | ${depth} | ${trips} | ${off ? `${ms(off.http1.latencyMs.p50)} / ${ms(off.http1.latencyMs.p95)} / ${ms(off.http1.latencyMs.p99)}` : '–'} | ` +
    `${off ? int(off.httpN.requestsPerSecond) : '–'} | ${off ? `${ms(off.httpN.latencyMs.p50)} / ${ms(off.httpN.latencyMs.p99)}` : '–'} | ` +
    `${on ? ms(on.http1.latencyMs.p50) : '–'} | ${on ? int(on.httpN.requestsPerSecond) : '–'} | ${inProcess} | ${floor} | ${errorsOf(off, on)} |`;
  lines.push(row('stack floor `{ __typename }`', '0', '0', stackOf(r), stackOf(r, 'default'), '–', '–'));
  for (const o of r.operations) {
    const trips = o.inProcess
      ? `${o.inProcess.roundTrips}${o.inProcess.roundTripsWarm !== o.inProcess.roundTrips ? ` (repeat ${o.inProcess.roundTripsWarm})` : ''}`
      : '–';
    lines.push(
      row(
        o.name,
        String(o.nestingDepth),
        trips,
        o.http,
        o.httpDefault,
        o.inProcess ? ms(o.inProcess.latencyMs.p50) : '–',
        o.inProcess?.floor
          ? `${ms(o.inProcess.floor.latencyMs.p50)}${(o.inProcess.floorCandidates?.length ?? 0) > 1 ? ` (${o.inProcess.floor.statement.replace(/^floor-[a-z]+-/, '')})` : ''}`
          : '–',
      ),
    );
  }
  return lines.join('\n');
}

export interface Target {
  readonly target: string;
  readonly measured: string;
  readonly met: boolean | null;
}

export function targets(results: readonly ScaleResult[]): Target[] {
  const out: Target[] = [];
  const at = (scale: string): ScaleResult | undefined => results.find((r) => r.scale === scale);
  const op = (r: ScaleResult | undefined, name: string): OperationResult | undefined =>
    r?.operations.find((o) => o.name === name);
  const M = at('M');
  const ranking = op(M, 'ranking');
  const stackM = M ? stackOf(M) : undefined;
  const rankingTarget = 'ranking at M: HTTP p50 (cache off) ≤ 1.5 × (Cypher floor p50 + stack floor p50)';
  if (ranking?.inProcess?.floor && stackM) {
    const floor = ranking.inProcess.floor.latencyMs.p50 + stackM.http1.latencyMs.p50;
    const ratio = ranking.http.http1.latencyMs.p50 / floor;
    const cached = ranking.httpDefault
      ? `; cache on: ${ms(ranking.httpDefault.http1.latencyMs.p50)} ms, ${(ranking.httpDefault.http1.latencyMs.p50 / floor).toFixed(2)}×`
      : '';
    out.push({
      target: rankingTarget,
      measured: `${ms(ranking.http.http1.latencyMs.p50)} ms against ${ms(ranking.inProcess.floor.latencyMs.p50)} + ${ms(stackM.http1.latencyMs.p50)} = ${ms(floor)} ms: **${ratio.toFixed(2)}×**${cached}`,
      met: ratio <= 1.5,
    });
  } else {
    out.push({ target: rankingTarget, measured: 'no M result', met: null });
  }
  for (const r of results) {
    const over = r.operations.filter((o) => o.inProcess && o.inProcess.roundTrips > o.nestingDepth);
    out.push({
      target: `round trips ≤ nesting depth, every operation (${r.scale})`,
      measured: r.operations
        .map((o) => `${o.name} ${o.inProcess?.roundTrips ?? '?'}/${o.nestingDepth}`)
        .join(', '),
      met: over.length === 0,
    });
  }
  const S = at('S');
  const L = at('L');
  const indexBacked = S?.operations.filter((o) => o.indexBacked) ?? [];
  const growth = (big: ScaleResult): string =>
    indexBacked
      .map((o) => {
        const b = op(big, o.name);
        return `${o.name} ${b ? (b.http.http1.latencyMs.p50 / o.http.http1.latencyMs.p50).toFixed(2) : '?'}×`;
      })
      .join(', ');
  const growthTarget =
    'index-backed operations (lookup, members, time series): p50 at L ≤ 2 × p50 at S (cache off)';
  if (S && L) {
    const worst = Math.max(
      ...indexBacked.map((o) => {
        const l = op(L, o.name);
        return l ? l.http.http1.latencyMs.p50 / o.http.http1.latencyMs.p50 : Infinity;
      }),
    );
    out.push({ target: growthTarget, measured: growth(L), met: worst <= 2 });
  } else {
    out.push({
      target: growthTarget,
      measured: S && M ? `no L result; M against S: ${growth(M)}` : 'no L result',
      met: null,
    });
  }
  for (const r of results) {
    const lookup = op(r, 'lookup');
    if (!lookup) continue;
    const cached = lookup.httpDefault
      ? `; cache on: ${int(lookup.httpDefault.httpN.requestsPerSecond)} req/s`
      : '';
    out.push({
      target: `lookup ≥ 1,500 req/s (${r.scale}, ${r.settings.connections} connections, cache off)`,
      measured: `${int(lookup.http.httpN.requestsPerSecond)} req/s${cached}; stack floor ${int(stackOf(r)?.httpN.requestsPerSecond ?? NaN)} req/s`,
      met: lookup.http.httpN.requestsPerSecond >= 1500,
    });
  }
  return out;
}

function p50Table(results: readonly ScaleResult[]): string {
  const names = results[0]?.operations.map((o) => o.name) ?? [];
  const header = `| HTTP p50 ms (1 conn., cache off) | ${results.map((r) => `${r.scale} (${int(r.dataset.statistics)} stat.)`).join(' | ')} |`;
  const rule = `| --- | ${results.map(() => '--:').join(' | ')} |`;
  const rows = [
    `| stack floor | ${results.map((r) => ms(stackOf(r)?.http1.latencyMs.p50 ?? NaN)).join(' | ')} |`,
    ...names.map(
      (name) =>
        `| ${name} | ${results
          .map((r) => {
            const o = r.operations.find((x) => x.name === name);
            return o ? ms(o.http.http1.latencyMs.p50) : '–';
          })
          .join(' | ')} |`,
    ),
  ];
  return [header, rule, ...rows].join('\n');
}

const COLOURS = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f'];

const escape = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** p50 latency (HTTP, one connection) against scale, one line per operation, log scale. */
export function chart(results: readonly ScaleResult[]): string {
  const width = 760;
  const height = 440;
  const left = 70;
  const right = 200;
  const top = 40;
  const bottom = 60;
  const series = [
    { name: 'stack floor', values: results.map((r) => stackOf(r)?.http1.latencyMs.p50 ?? NaN), dashed: true },
    ...(results[0]?.operations ?? []).map((o) => ({
      name: o.name,
      values: results.map(
        (r) => r.operations.find((x) => x.name === o.name)?.http.http1.latencyMs.p50 ?? NaN,
      ),
      dashed: false,
    })),
  ];
  const all = series.flatMap((s) => s.values).filter((v) => Number.isFinite(v) && v > 0);
  const low = Math.floor(Math.log10(Math.min(...all, 1)));
  const high = Math.ceil(Math.log10(Math.max(...all, 10)));
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const x = (i: number): number =>
    left + (results.length === 1 ? plotW / 2 : (i / (results.length - 1)) * plotW);
  const y = (v: number): number => top + plotH - ((Math.log10(v) - low) / (high - low)) * plotH;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`,
    `<rect width="${width}" height="${height}" fill="white"/>`,
    `<text x="${left}" y="22" font-size="14" font-weight="bold">p50 latency against scale (HTTP, 1 connection, answer cache off; log scale)</text>`,
  ];
  for (let e = low; e <= high; e += 1) {
    const v = 10 ** e;
    parts.push(
      `<line x1="${left}" x2="${left + plotW}" y1="${y(v).toFixed(1)}" y2="${y(v).toFixed(1)}" stroke="#ddd"/>`,
      `<text x="${left - 8}" y="${(y(v) + 4).toFixed(1)}" text-anchor="end">${v >= 1 ? v.toString() : v.toFixed(-e)} ms</text>`,
    );
  }
  results.forEach((r, i) => {
    parts.push(
      `<line x1="${x(i).toFixed(1)}" x2="${x(i).toFixed(1)}" y1="${top}" y2="${top + plotH}" stroke="#eee"/>`,
      `<text x="${x(i).toFixed(1)}" y="${top + plotH + 20}" text-anchor="middle">${escape(r.scale)}</text>`,
      `<text x="${x(i).toFixed(1)}" y="${top + plotH + 36}" text-anchor="middle" fill="#555">${int(r.dataset.statistics)} statistics</text>`,
    );
  });
  series.forEach((s, index) => {
    const colour = COLOURS[index % COLOURS.length] ?? '#000';
    const points = s.values
      .map((v, i) => (Number.isFinite(v) && v > 0 ? `${x(i).toFixed(1)},${y(v).toFixed(1)}` : null))
      .filter((p): p is string => p !== null);
    if (points.length > 1) {
      parts.push(
        `<polyline fill="none" stroke="${colour}" stroke-width="2"${s.dashed ? ' stroke-dasharray="5 4"' : ''} points="${points.join(' ')}"/>`,
      );
    }
    for (const point of points) {
      const [px, py] = point.split(',');
      parts.push(`<circle cx="${px}" cy="${py}" r="3.5" fill="${colour}"/>`);
    }
    const ly = top + 10 + index * 20;
    parts.push(
      `<line x1="${left + plotW + 20}" x2="${left + plotW + 44}" y1="${ly}" y2="${ly}" stroke="${colour}" stroke-width="2"${s.dashed ? ' stroke-dasharray="5 4"' : ''}/>`,
      `<text x="${left + plotW + 50}" y="${ly + 4}">${escape(s.name)}</text>`,
    );
  });
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}

/** Rewrites the suite's part of bench/README.md and the chart; returns the files written. */
export async function updateReport(directory: string): Promise<string[]> {
  const results = latestResults(directory).filter((r) => r.scale !== 'curated');
  if (results.length === 0) return [];
  const svg = path.join(directory, 'latency-by-scale.svg');
  writeFileSync(svg, chart(results));
  const readme = path.join(directory, '..', 'README.md');
  if (!existsSync(readme)) return [svg];
  const text = readFileSync(readme, 'utf8');
  const start = text.indexOf(START);
  const end = text.indexOf(END);
  if (start < 0 || end < start) return [svg];
  const body = [
    START,
    '',
    '![p50 latency against scale](results/latency-by-scale.svg)',
    '',
    p50Table(results),
    '',
    '| target (issue 5) | measured | met |',
    '| --- | --- | :-: |',
    ...targets(results).map(
      (t) => `| ${t.target} | ${t.measured} | ${t.met === null ? '–' : t.met ? 'yes' : '**no**'} |`,
    ),
    '',
    ...results.map(scaleTables).flatMap((table) => [table, '']),
    END,
  ].join('\n');
  const updated = `${text.slice(0, start)}${body}${text.slice(end + END.length)}`;
  // Formatted as `npm run format` would, so the check stays clean.
  const prettier = await import('prettier');
  const options = (await prettier.resolveConfig(readme)) ?? {};
  writeFileSync(readme, await prettier.format(updated, { ...options, filepath: readme }));
  return [svg, readme];
}
