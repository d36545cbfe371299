/**
 * The "Neo4j, and @neo4j/graphql" part of bench/README.md, from the latest `<date>-<scale>-neo4j.json`
 * of each scale (and the embedded result of the same scale, for the side-by-side table).
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { latestResults } from './report';
import type { HttpPair, Neo4jScaleResult, ScaleResult } from './results';

const START = '<!-- neo4j:start (written by npm run bench -- --engine neo4j) -->';
const END = '<!-- neo4j:end -->';
const SCALE_ORDER = ['curated', 'S', 'M', 'L'];

export function latestNeo4jResults(directory: string): Neo4jScaleResult[] {
  const latest = new Map<string, Neo4jScaleResult>();
  for (const file of readdirSync(directory).filter((f) =>
    /^\d{4}-\d{2}-\d{2}-(S|M|L|curated)-neo4j\.json$/.test(f),
  )) {
    const result = JSON.parse(readFileSync(path.join(directory, file), 'utf8')) as Neo4jScaleResult;
    const previous = latest.get(result.scale);
    if (!previous || previous.date < result.date) latest.set(result.scale, result);
  }
  return [...latest.values()].sort((a, b) => SCALE_ORDER.indexOf(a.scale) - SCALE_ORDER.indexOf(b.scale));
}

const ms = (x: number): string => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const int = (x: number): string => Math.round(x).toLocaleString('en');
const p50p99 = (pair: HttpPair): string =>
  `${ms(pair.http1.latencyMs.p50)} / ${ms(pair.http1.latencyMs.p99)}`;

function anchorTable(r: Neo4jScaleResult): string {
  const n = r.settings.connections;
  const lines = [
    `| operation | same answer (items) | tradegraph p50 / p99 ms (1 conn.) | @neo4j/graphql p50 / p99 ms (1 conn.) | p50 ratio | tradegraph req/s (${n} conn.) | @neo4j/graphql req/s (${n} conn.) | req/s ratio | Cypher statements per request: tradegraph / @neo4j/graphql | tradegraph at least as fast |`,
    '| --- | :-: | --: | --: | --: | --: | --: | --: | :-: | :-: |',
  ];
  for (const run of r.anchor.runs) {
    const check = r.anchor.checks.find((c) => c.name === run.name);
    const count = r.anchor.statements.find((c) => c.name === run.name);
    const p50Ratio = run.tradegraph.http1.latencyMs.p50 / run.neo4jGraphQL.http1.latencyMs.p50;
    const rpsRatio =
      run.tradegraph.httpN.requestsPerSecond / Math.max(run.neo4jGraphQL.httpN.requestsPerSecond, 1e-9);
    const met = p50Ratio <= 1 && rpsRatio >= 1;
    lines.push(
      `| ${run.name} | ${check ? `${check.same ? 'yes' : '**no**'} (${int(check.items)})` : '–'} | ${p50p99(run.tradegraph)} | ${p50p99(run.neo4jGraphQL)} | ${p50Ratio.toFixed(2)}× | ` +
        `${int(run.tradegraph.httpN.requestsPerSecond)} | ${int(run.neo4jGraphQL.httpN.requestsPerSecond)} | ${rpsRatio.toFixed(2)}× | ` +
        `${count ? `${count.tradegraph} / ${count.neo4jGraphQL}` : '–'} | ${met ? 'yes' : '**no**'} |`,
    );
  }
  const ours = r.servers[0]?.stackFloor;
  const theirs = r.anchor.stackFloor;
  if (ours) {
    lines.push(
      `| stack floor \`{ __typename }\` | – | ${p50p99(ours)} | ${p50p99(theirs)} | ${(ours.http1.latencyMs.p50 / theirs.http1.latencyMs.p50).toFixed(2)}× | ` +
        `${int(ours.httpN.requestsPerSecond)} | ${int(theirs.httpN.requestsPerSecond)} | ${(ours.httpN.requestsPerSecond / Math.max(theirs.httpN.requestsPerSecond, 1e-9)).toFixed(2)}× | 0 / 0 | – |`,
    );
  }
  return lines.join('\n');
}

function enginesTable(r: Neo4jScaleResult, embedded: ScaleResult | undefined): string {
  const n = r.settings.connections;
  const lines = [
    `| operation | embedded p50 ms (1 conn.) | Neo4j p50 ms (1 conn.) | embedded req/s (${n} conn.) | Neo4j req/s (${n} conn.) | round trips embedded / Neo4j | Neo4j in-process p50 ms | Neo4j Cypher floor p50 ms |`,
    '| --- | --: | --: | --: | --: | :-: | --: | --: |',
  ];
  for (const o of r.operations) {
    const e = embedded?.operations.find((x) => x.name === o.name);
    lines.push(
      `| ${o.name} | ${e ? ms(e.http.http1.latencyMs.p50) : '–'} | ${ms(o.http.http1.latencyMs.p50)} | ${e ? int(e.http.httpN.requestsPerSecond) : '–'} | ` +
        `${int(o.http.httpN.requestsPerSecond)} | ${e?.inProcess ? e.inProcess.roundTripsWarm : '–'} / ${o.inProcess ? o.inProcess.roundTripsWarm : '–'} | ` +
        `${o.inProcess ? ms(o.inProcess.latencyMs.p50) : '–'} | ${o.inProcess?.floor ? ms(o.inProcess.floor.latencyMs.p50) : (o.inProcess?.failedFloors?.length ?? 0) > 0 ? 'fails' : '–'} |`,
    );
  }
  return lines.join('\n');
}

function importLine(r: Neo4jScaleResult): string {
  const i = r.import;
  const f = r.importFloor;
  const ratio = f ? i.rowsPerSecond / f.rowsPerSecond : null;
  return (
    `Import into Neo4j (\`importFiles\`, journaled batches, into an empty database after the curated dataset): ` +
    `${int(i.records)} records in ${i.importSeconds.toFixed(1)} s (check ${i.checkSeconds.toFixed(1)}, write ${i.writeSeconds.toFixed(1)}), **${int(i.rowsPerSecond)} rows/s**` +
    (f
      ? `; floor (plain \`UNWIND $rows … CREATE\`, ${int(f.batchRows)} rows and ${f.statementsPerBatch} statements a transaction, statistics only, entities loaded first): ` +
        `${int(f.rows)} statistics in ${f.seconds.toFixed(1)} s, ${int(f.rowsPerSecond)} rows/s: **${ratio!.toFixed(2)}× the floor** (target ≥ 0.7: ${ratio! >= 0.7 ? 'met' : '**missed**'})`
      : '') +
    (r.rollbackCheck
      ? `. Atomicity: an import killed (SIGKILL) after ${int(r.rollbackCheck.writtenBeforeKill)} of its statistics were written, then rolled back by its id (\`${r.rollbackCheck.importId}\`): graph checksum ${r.rollbackCheck.same ? '**identical** to before' : '**changed**'}.`
      : '.')
  );
}

export function neo4jSection(results: readonly Neo4jScaleResult[], embedded: readonly ScaleResult[]): string {
  const parts: string[] = [];
  for (const r of results) {
    const m = r.machine;
    const e = embedded.find((x) => x.scale === r.scale);
    parts.push(
      `### Scale ${r.scale} on Neo4j: ${int(r.dataset.statistics)} generated statistics (seed ${r.seed})`,
      '',
      `${r.date.slice(0, 16).replace('T', ' ')} UTC, commit \`${r.commit}\`${r.uncommittedFiles ? ` + ${r.uncommittedFiles} uncommitted files in src/ and cypher/` : ''}; ` +
        `${m.nproc} × ${m.cpu}, ${m.ramGiB} GiB RAM, ${m.kernel}, Node ${m.node}; ${r.neo4j.settings}; ` +
        `${int(r.neo4j.nodes)} nodes, ${int(r.neo4j.relationships)} relationships. HTTP runs of ${r.settings.durationSeconds} s; ${r.anchor.package}. ` +
        'The machine is shared with other work: compare ratios within a table, not absolute times across tables.',
      '',
      importLine(r),
      '',
      `tradegraph against @neo4j/graphql, both over this database (each server a child process on loopback; answers compared first, as plain data):`,
      '',
      anchorTable(r),
      '',
      `Not expressible in @neo4j/graphql: ${r.anchor.notExpressible}`,
      '',
      `tradegraph on both engines (embedded: ${e ? `its run of ${e.date.slice(0, 16).replace('T', ' ')} UTC` : 'no result at this scale'}; answer cache off on both):`,
      '',
      enginesTable(r, e),
      '',
    );
  }
  return parts.join('\n');
}

/** Rewrites the Neo4j part of bench/README.md; returns the files written. */
export async function updateNeo4jReport(directory: string): Promise<string[]> {
  const results = latestNeo4jResults(directory);
  if (results.length === 0) return [];
  const readme = path.join(directory, '..', 'README.md');
  if (!existsSync(readme)) return [];
  const text = readFileSync(readme, 'utf8');
  const start = text.indexOf(START);
  const end = text.indexOf(END);
  if (start < 0 || end < start) return [];
  const body = [START, '', neo4jSection(results, latestResults(directory)), END].join('\n');
  const updated = `${text.slice(0, start)}${body}${text.slice(end + END.length)}`;
  const prettier = await import('prettier');
  const options = (await prettier.resolveConfig(readme)) ?? {};
  writeFileSync(readme, await prettier.format(updated, { ...options, filepath: readme }));
  return [readme];
}
