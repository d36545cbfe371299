/**
 * `npm run bench:import`: how fast `importFiles` loads statistics into a fresh embedded store,
 * against the engine's own bulk load (COPY FROM CSV files already shaped like its tables) of the
 * same rows, measured in the same run. Each measurement runs in a child process of its own, so
 * its peak RSS is its own.
 *
 *   npm run bench:import                      # 1,000,000 statistic rows (and a tenth of them)
 *   npm run bench:import -- --rows 200000     # fewer
 *   npm run bench:import -- --formats jsonl   # skip the CSV run
 *   npm run bench:import -- --no-variants     # skip the runs with parts switched off
 *
 * Not part of `npm test`.
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { Connection, Database } from '@ladybugdb/core';
import { stringify } from 'csv-stringify';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { searchTextOf } from '../src/domain/normalize';
import { statisticRow } from '../src/import/dataset';
import { importFiles } from '../src/import/import';
import { fieldsOf } from '../src/records/record-kinds';
import type { StatisticRecord } from '../src/records/records';
import { CypherCatalog } from '../src/store/cypher-catalog';
import { EmbeddedStore } from '../src/store/embedded/embedded-store';
import type { GraphStore } from '../src/store/graph-store';

const SEED = 20260401;
const GiB = 1024 ** 3;

type Json = Record<string, unknown>;

interface Entities {
  readonly countries: Json[];
  readonly sectors: Json[];
  readonly sources: Json[];
  readonly companies: Json[];
  readonly agencies: Json[];
}

const COUNTRY_IDS = [
  'MX', 'US', 'CA', 'DE', 'CN', 'JP', 'KR', 'BR', 'AR', 'CO', 'CL', 'PE', 'GB', 'FR', 'IT', 'ES', 'NL', 'BE',
  'SE', 'PL', 'CZ', 'AT', 'CH', 'IN', 'TH', 'VN', 'TR', 'ZA', 'AU', 'NZ',
]; // prettier-ignore

function entities(): Entities {
  return {
    countries: COUNTRY_IDS.map((id) => ({ id, name: `Country ${id}` })),
    sectors: Array.from({ length: 40 }, (_, i) => ({
      id: `bench-sector-${i}`,
      name: `Sector ${i}`,
      hsCodes: [String(8401 + i)],
    })),
    sources: Array.from({ length: 25 }, (_, i) => ({
      id: `bench-source-${i}`,
      title: `Benchmark source ${i}`,
      publisher: 'Benchmark Press',
      published: `20${10 + (i % 15)}-0${1 + (i % 9)}`,
      url: `https://example.org/bench/${i}`,
      language: i % 3 === 0 ? 'es' : 'en',
    })),
    companies: Array.from({ length: 300 }, (_, i) => ({
      id: `bench-company-${i}`,
      name: `Company ${i}`,
      companyType: 'manufacturer',
      sources: [`bench-source-${i % 25}`],
    })),
    agencies: Array.from({ length: 5 }, (_, i) => ({ id: `bench-agency-${i}`, name: `Agency ${i}` })),
  };
}

const METRICS: readonly [string, string][] = [
  ['exports', 'USD'],
  ['exports', 'vehicles'],
  ['imports', 'USD'],
  ['production', 'vehicles'],
  ['employees', 'persons'],
  ['investment', 'USD'],
  ['export_share', 'percent'],
];

/** Statistic records, the same for a seed: a mix of subjects, metrics, periods and optional fields. */
function* statistics(count: number): Generator<StatisticRecord> {
  const rng = xoroshiro128plus(SEED);
  const pick = <T>(items: readonly T[]): T => items[uniformInt(rng, 0, items.length - 1)] as T;
  const chance = (percent: number): boolean => uniformInt(rng, 0, 99) < percent;
  for (let i = 0; i < count; i += 1) {
    const [metric, unit] = pick(METRICS);
    const year = uniformInt(rng, 2000, 2025);
    const shape = uniformInt(rng, 0, 9);
    const month = String(uniformInt(rng, 1, 12)).padStart(2, '0');
    const period =
      shape < 7 ? `${year}-${month}` : shape < 9 ? String(year) : `${year}-Q${uniformInt(rng, 1, 4)}`;
    const subject = chance(60) ? pick(COUNTRY_IDS) : `bench-company-${uniformInt(rng, 0, 299)}`;
    const value =
      unit === 'percent'
        ? uniformInt(rng, 0, 1000) / 10
        : uniformInt(rng, 0, 2_000_000_000) + (chance(30) ? 0.25 : 0);
    const record: StatisticRecord = {
      id: `bench-${i}`,
      subject,
      metric: metric as StatisticRecord['metric'],
      value,
      unit,
      qualifier: 'exact',
      period,
      periodBasis: 'stated',
      source: `bench-source-${uniformInt(rng, 0, 24)}`,
    };
    if (chance(50)) record.destination = pick(COUNTRY_IDS);
    if (chance(30)) record.origin = pick(COUNTRY_IDS);
    if (chance(70)) record.sector = `bench-sector-${uniformInt(rng, 0, 39)}`;
    if (chance(20)) record.publishedBy = `bench-agency-${uniformInt(rng, 0, 4)}`;
    if (chance(15) && shape < 7) {
      record.changePercent = uniformInt(rng, -900, 900) / 10;
      record.changeComparedTo = `${year - 1}-${month}`;
    }
    if (chance(10)) record.scope = `Benchmark figure ${i}, with a comma, and "quotes".`;
    yield record;
  }
}

async function writeLines(file: string, lines: Iterable<string>): Promise<void> {
  const out = createWriteStream(file);
  for (const line of lines) {
    if (!out.write(line)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  out.end();
  await finished(out);
}

/** The import files: small entity files, and the statistics as JSON Lines and as CSV. */
async function generate(directory: string, rows: number): Promise<void> {
  mkdirSync(directory, { recursive: true });
  const e = entities();
  const files: [string, Json[]][] = [
    ['countries', e.countries],
    ['sectors', e.sectors],
    ['sources', e.sources],
    ['companies', e.companies],
    ['agencies', e.agencies],
  ];
  for (const [name, records] of files) {
    writeFileSync(
      path.join(directory, `${name}.jsonl`),
      records.map((r) => `${JSON.stringify(r)}\n`).join(''),
    );
  }
  await writeLines(
    path.join(directory, 'statistics.jsonl'),
    (function* () {
      for (const record of statistics(rows)) yield `${JSON.stringify(record)}\n`;
    })(),
  );
  const columns = fieldsOf('Statistic');
  const csv = stringify({ header: true, columns });
  const out = createWriteStream(path.join(directory, 'statistics.csv'));
  csv.pipe(out);
  for (const record of statistics(rows)) {
    const row = columns.map((column) => {
      const value = (record as Json)[column];
      return value === undefined ? '' : String(value);
    });
    if (!csv.write(row)) await new Promise<void>((resolve) => csv.once('drain', () => resolve()));
  }
  csv.end();
  await finished(out);
}

interface Measurement {
  readonly seconds: number;
  readonly rows: number;
  readonly peakRssMiB: number;
  readonly peakHeapMiB: number;
  readonly detail?: Json;
}

/** Peak JavaScript heap, sampled while `work` runs. */
async function measured(rows: number, work: () => Promise<Json | undefined>): Promise<Measurement> {
  let peakHeap = 0;
  const sample = (): void => {
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  };
  const timer = setInterval(sample, 25);
  const started = process.hrtime.bigint();
  const detail = await work();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  clearInterval(timer);
  sample();
  return {
    seconds,
    rows,
    peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
    peakHeapMiB: Math.round(peakHeap / 1024 ** 2),
    ...(detail ? { detail } : {}),
  };
}

/**
 * Child: our import of the entity files and one statistics file into a fresh store. Variants, to
 * show what each part is worth: `nothreads` checks every record on the main thread; `packed`
 * also hides the store's bulk directory, so new statistics go in packed statements (the first
 * design) instead of staged bulk loads.
 */
async function childImport(
  directory: string,
  format: string,
  rows: number,
  database: string,
  variant: string,
): Promise<Measurement> {
  const embedded = await EmbeddedStore.open({ directory: database, bufferPoolBytes: 4 * GiB });
  const store: GraphStore =
    variant === 'packed'
      ? {
          engine: embedded.engine,
          read: (statement, params) => embedded.read(statement, params),
          transaction: (work) => embedded.transaction(work),
          health: () => embedded.health(),
          close: () => embedded.close(),
        }
      : embedded;
  try {
    const files = ['countries', 'sectors', 'sources', 'companies', 'agencies'].map((name) =>
      path.join(directory, `${name}.jsonl`),
    );
    return await measured(rows, async () => {
      // Where the time goes: reading and checking, then writing (bulk loads), then the commit.
      const started = Date.now();
      let checked = 0;
      let committing = 0;
      const summary = await importFiles(store, [...files, path.join(directory, `statistics.${format}`)], {
        ...(variant === 'full' ? {} : { workers: 0 }),
        onProgress: (progress) => {
          if (progress.phase === 'writing' && checked === 0) checked = Date.now();
          if (progress.phase === 'committing') committing = Date.now();
        },
      });
      const ended = Date.now();
      return {
        created: summary.nodes.Statistic.created,
        records: summary.records,
        checkSeconds: (checked - started) / 1000,
        writeSeconds: (committing - checked) / 1000,
        commitSeconds: (ended - committing) / 1000,
      };
    });
  } finally {
    await store.close();
  }
}

/** CSV files in the layout of the engine's tables: what its own bulk load reads. */
async function copyFiles(
  directory: string,
  rows: number,
): Promise<{ statements: string[]; seconds: number }> {
  const started = process.hrtime.bigint();
  const e = entities();
  const entityFile = async (kind: string, records: Json[], columns: string[]): Promise<string> => {
    const file = path.join(directory, `copy-${kind}.csv`);
    await writeLines(
      file,
      (function* () {
        for (const record of records) {
          yield `${columns
            .map((column) => {
              if (column === 'kind') return kind;
              if (column === 'searchText')
                return searchTextOf(String(record.id), String(record.name ?? record.title), []);
              if (column === 'name' && kind === 'Source') return String(record.title);
              const value = record[column];
              if (Array.isArray(value)) return `"[${value.join(',')}]"`;
              if (['aliases', 'sources', 'products', 'hsCodes', 'naicsCodes'].includes(column)) return '"[]"';
              return value === undefined ? '' : JSON.stringify(String(value));
            })
            .join(',')}\n`;
        }
      })(),
    );
    return file;
  };
  const tableColumns = (table: string): string[] => {
    const statement = CypherCatalog.load('embedded').schema.find((s) => s.includes(`EXISTS ${table}(`)) ?? '';
    const inside = /\(([\s\S]*)\)$/.exec(statement)?.[1] ?? '';
    return inside.split(',').map((column) => column.trim().split(/\s+/)[0] as string);
  };
  const statements: string[] = [];
  const kinds: [string, Json[]][] = [
    ['Country', e.countries],
    ['Sector', e.sectors],
    ['Source', e.sources],
    ['Company', e.companies],
    ['Agency', e.agencies],
  ];
  for (const [kind, records] of kinds) {
    statements.push(
      `COPY ${kind} FROM '${await entityFile(kind, records, tableColumns(kind))}' (header=false)`,
    );
  }
  const statisticColumns = tableColumns('Statistic');
  const links: Record<string, string[]> = {};
  const link = (table: string, to: string, from: string, target: string): void => {
    const key = `${table}|${to}`;
    (links[key] ??= []).push(`${from},${target}\n`);
  };
  const kindOf = (id: string): string => (id.startsWith('bench-company-') ? 'Company' : 'Country');
  const csv = stringify({});
  const statisticFile = path.join(directory, 'copy-Statistic.csv');
  const out = createWriteStream(statisticFile);
  csv.pipe(out);
  for (const record of statistics(rows)) {
    const row: Json = {
      ...statisticRow(record),
      kind: 'Statistic',
      changePercent: record.changePercent ?? null,
      changeComparedTo: record.changeComparedTo ?? null,
    };
    csv.write(statisticColumns.map((column) => (row[column] === null ? '' : String(row[column]))));
    link('MEASURES', kindOf(record.subject), record.id, record.subject);
    if (record.destination) link('DESTINATION', 'Country', record.id, record.destination);
    if (record.origin) link('ORIGIN', 'Country', record.id, record.origin);
    if (record.sector) link('FOR_SECTOR', 'Sector', record.id, record.sector);
    if (record.publishedBy) link('PUBLISHED_BY', 'Agency', record.id, record.publishedBy);
    link('STATED_IN', 'Source', record.id, record.source);
  }
  csv.end();
  await finished(out);
  statements.push(`COPY Statistic FROM '${statisticFile}' (header=false)`);
  for (const [key, lines] of Object.entries(links)) {
    const [table, to] = key.split('|') as [string, string];
    const file = path.join(directory, `copy-${table}-${to}.csv`);
    await writeLines(file, lines);
    statements.push(`COPY ${table} FROM '${file}' (header=false, from='Statistic', to='${to}')`);
  }
  return { statements, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}

/** Child: the engine's own bulk load of the same rows into a fresh database. */
async function childCopy(directory: string, rows: number, database: string): Promise<Measurement> {
  const prepared = await copyFiles(directory, rows);
  const db = new Database(database, 4 * GiB, true, false, 256 * GiB);
  await db.init();
  const connection = new Connection(db);
  await connection.init();
  const run = async (text: string): Promise<void> => {
    const result = await connection.query(text);
    for (const each of Array.isArray(result) ? result : [result]) each.close();
  };
  for (const statement of CypherCatalog.load('embedded').schema) await run(statement);
  const seconds: Record<string, number> = {};
  return measured(rows, async () => {
    for (const statement of prepared.statements) {
      const started = process.hrtime.bigint();
      await run(statement);
      const table = /COPY (\w+)/.exec(statement)?.[1] ?? '?';
      const to = /to='(\w+)'/.exec(statement)?.[1];
      seconds[to ? `${table}→${to}` : table] = Number(
        (Number(process.hrtime.bigint() - started) / 1e9).toFixed(2),
      );
    }
    return { csvPreparationSeconds: Number(prepared.seconds.toFixed(2)), seconds };
  });
}

function child(args: string[]): Promise<Measurement> {
  const [mode, directory, rowsText, database, format, variant] = args as [
    string,
    string,
    string,
    string,
    string,
    string | undefined,
  ];
  const rows = Number(rowsText);
  return mode === 'copy'
    ? childCopy(directory, rows, database)
    : childImport(directory, format, rows, database, variant ?? 'full');
}

function runChild(args: string[]): Measurement {
  const result = spawnSync(process.execPath, ['--import', 'tsx', __filename, 'child', ...args], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`benchmark child failed: ${result.stderr}`);
  const last = result.stdout.trim().split('\n').pop() ?? '';
  return JSON.parse(last) as Measurement;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv[0] === 'child') {
    process.stdout.write(`${JSON.stringify(await child(argv.slice(1)))}\n`);
    return;
  }
  if (argv[0] === 'generate') {
    // Only the files, to look at or to run one child by hand: generate <directory> <rows>.
    await generate(argv[1] ?? 'bench-data', Number(argv[2] ?? '1000'));
    return;
  }
  const option = (name: string, fallback: string): string => {
    const at = argv.indexOf(`--${name}`);
    return at >= 0 ? (argv[at + 1] ?? fallback) : fallback;
  };
  const rows = Number(option('rows', '1000000'));
  const formats = option('formats', 'jsonl,csv').split(',');
  const work = mkdtempSync(path.join(os.tmpdir(), 'tradegraph-bench-'));
  try {
    const small = Math.round(rows / 10);
    process.stdout.write(`generating ${rows} and ${small} statistic rows (seed ${SEED}) in ${work}\n`);
    await generate(path.join(work, 'large'), rows);
    await generate(path.join(work, 'small'), small);
    const results: { name: string; m: Measurement }[] = [];
    const measure = (name: string, args: string[]): Measurement => {
      const m = runChild(args);
      results.push({ name, m });
      const rate = Math.round(m.rows / m.seconds);
      process.stdout.write(
        `${name.padEnd(34)} ${m.rows.toString().padStart(8)} rows ${m.seconds.toFixed(2).padStart(7)} s ` +
          `${rate.toString().padStart(8)} rows/s  peak RSS ${m.peakRssMiB} MiB, heap ${m.peakHeapMiB} MiB` +
          `${m.detail ? `  ${JSON.stringify(m.detail)}` : ''}\n`,
      );
      return m;
    };
    let database = 0;
    const db = (): string => path.join(work, `db-${(database += 1)}`);
    const copy = measure('engine COPY FROM (CSV, 10×N)', [
      'copy',
      path.join(work, 'large'),
      String(rows),
      db(),
      '',
    ]);
    const copySmall = measure('engine COPY FROM (CSV, N)', [
      'copy',
      path.join(work, 'small'),
      String(small),
      db(),
      '',
    ]);
    for (const format of formats) {
      const ours = measure(`importFiles ${format} (10×N)`, [
        'import',
        path.join(work, 'large'),
        String(rows),
        db(),
        format,
      ]);
      const oursSmall = measure(`importFiles ${format} (N)`, [
        'import',
        path.join(work, 'small'),
        String(small),
        db(),
        format,
      ]);
      const ratio = (m: Measurement, base: Measurement): string =>
        (m.rows / m.seconds / (base.rows / base.seconds)).toFixed(2);
      process.stdout.write(
        `  ${format}: ratio to COPY FROM ${ratio(ours, copy)} at ${rows} rows, ${ratio(oursSmall, copySmall)} at ${small}; ` +
          `peak RSS ${oursSmall.peakRssMiB} MiB → ${ours.peakRssMiB} MiB, heap ${oursSmall.peakHeapMiB} → ${ours.peakHeapMiB} MiB\n`,
      );
    }
    if (!argv.includes('--no-variants')) {
      // The same import with parts switched off, at 10×N: what each is worth.
      for (const variant of ['nothreads', 'packed']) {
        const m = measure(`importFiles jsonl (10×N), ${variant}`, [
          'import',
          path.join(work, 'large'),
          String(rows),
          db(),
          'jsonl',
          variant,
        ]);
        process.stdout.write(
          `  ratio to COPY FROM ${(m.rows / m.seconds / (copy.rows / copy.seconds)).toFixed(2)}\n`,
        );
      }
    }
    mkdirSync(path.join(__dirname, 'results'), { recursive: true });
    const file = path.join(__dirname, 'results', `import-${new Date().toISOString().slice(0, 10)}.json`);
    writeFileSync(
      file,
      `${JSON.stringify({ date: new Date().toISOString(), node: process.version, cpus: os.cpus().length, rows, seed: SEED, results }, null, 2)}\n`,
    );
    process.stdout.write(`results written to ${file}\n`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
