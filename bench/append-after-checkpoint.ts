/**
 * How the embedded engine reads rows by primary key, by how they reached their table. The same
 * 20,000 company-like rows (the Company table's columns), five ways:
 *
 * - `copied`: one COPY into an empty table (what a table built again gets);
 * - `inserted`: batches of 1,000, each its own transaction, into an empty table, then a checkpoint;
 * - `one-transaction`: the same batches in one transaction;
 * - `appended`: 100 rows, a checkpoint, then the rest in batches (a dataset loaded, then a large
 *   import: how the entity tables of the generated scales are written);
 * - `updated`: inserted, a checkpoint, then every row's list and text columns set again.
 *
 * Each table is then read by id, the whole row returned, at 21 ids spread over the table.
 *
 *   npx tsx bench/append-after-checkpoint.ts [-- --rows 20000 --reads 200]
 *
 * Writes bench/results/append-after-checkpoint-<date>.json. See bench/README.md, "Entity rows
 * appended after a checkpoint".
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Connection, Database, type QueryResult } from '@ladybugdb/core';
import { Command, InvalidArgumentError } from 'commander';
import { projectRoot } from '../src/paths';

const COLUMNS =
  'id STRING PRIMARY KEY, kind STRING, name STRING, aliases STRING[], description STRING, ' +
  'wikidata STRING, sources STRING[], searchText STRING, companyType STRING';
const BATCH = 1000;

// A type, not an interface: the binding takes plain objects with an index signature.
type Row = {
  readonly id: string;
  readonly kind: string;
  readonly name: string;
  readonly aliases: string[];
  readonly description: string;
  readonly wikidata: string | null;
  readonly sources: string[];
  readonly searchText: string;
  readonly companyType: string;
};

function rowsOf(count: number): Row[] {
  return Array.from({ length: count }, (_, index) => {
    const name = `Company ${index.toString(36)} Heavy Vehicles`;
    return {
      id: `g-company-${index}`,
      kind: 'Company',
      name,
      aliases: index % 3 === 0 ? [`${name} S.A. de C.V.`] : [],
      description: `A generated manufacturer, number ${index}.`,
      wikidata: index % 5 === 0 ? `Q${1000 + index}` : null,
      sources: [`g-source-${index % 1700}`],
      searchText: name.toLowerCase(),
      companyType: index % 2 === 0 ? 'manufacturer' : 'supplier',
    };
  });
}

function single(result: QueryResult | QueryResult[]): QueryResult {
  return Array.isArray(result) ? result[result.length - 1]! : result;
}

async function drain(result: QueryResult | QueryResult[]): Promise<number> {
  const last = single(result);
  let rows = 0;
  while (last.hasNext()) {
    last.getNextSync();
    rows += 1;
  }
  return rows;
}

type Way = (connection: Connection, table: string, rows: readonly Row[]) => Promise<void>;

const insertText = (table: string): string =>
  `UNWIND $rows AS r CREATE (n:${table} {id: r.id, kind: r.kind, name: r.name, aliases: r.aliases, ` +
  'description: r.description, wikidata: r.wikidata, sources: r.sources, searchText: r.searchText, ' +
  'companyType: r.companyType})';

async function insertInBatches(connection: Connection, table: string, rows: readonly Row[]): Promise<void> {
  const statement = await connection.prepare(insertText(table));
  for (let start = 0; start < rows.length; start += BATCH) {
    await drain(await connection.execute(statement, { rows: rows.slice(start, start + BATCH) }));
  }
}

const WAYS: Record<string, Way> = {
  copied: async (connection, table, rows) => {
    await insertInBatches(connection, `${table}Staged`, rows);
    await drain(
      await connection.query(
        `COPY ${table} FROM (MATCH (n:${table}Staged) RETURN n.id, n.kind, n.name, n.aliases, ` +
          'n.description, n.wikidata, n.sources, n.searchText, n.companyType)',
      ),
    );
  },
  inserted: insertInBatches,
  'one-transaction': async (connection, table, rows) => {
    await drain(await connection.query('BEGIN TRANSACTION'));
    await insertInBatches(connection, table, rows);
    await drain(await connection.query('COMMIT'));
  },
  appended: async (connection, table, rows) => {
    await insertInBatches(connection, table, rows.slice(0, 100));
    await drain(await connection.query('CHECKPOINT'));
    await insertInBatches(connection, table, rows.slice(100));
  },
  updated: async (connection, table, rows) => {
    await insertInBatches(connection, table, rows);
    await drain(await connection.query('CHECKPOINT'));
    const update = await connection.prepare(
      `UNWIND $ids AS id MATCH (n:${table} {id: id}) SET n.sources = n.sources, n.searchText = n.searchText`,
    );
    for (let start = 0; start < rows.length; start += BATCH) {
      await drain(
        await connection.execute(update, { ids: rows.slice(start, start + BATCH).map((row) => row.id) }),
      );
    }
  },
};

async function readMs(
  connection: Connection,
  table: string,
  ids: readonly string[],
  reads: number,
): Promise<number> {
  const statement = await connection.prepare(`UNWIND $ids AS id MATCH (n:${table} {id: id}) RETURN n`);
  const times: number[] = [];
  for (let round = 0; round < reads; round += 1) {
    const id = ids[round % ids.length]!;
    const started = process.hrtime.bigint();
    const rows = await drain(await connection.execute(statement, { ids: [id] }));
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
    if (rows !== 1) throw new Error(`${table}: ${id} gave ${rows} rows`);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

async function main(): Promise<void> {
  const atLeast =
    (least: number) =>
    (text: string): number => {
      const value = Number(text);
      if (!Number.isInteger(value) || value < least) {
        throw new InvalidArgumentError(`a whole number of at least ${least}`);
      }
      return value;
    };
  const options = new Command()
    .option('--rows <n>', 'rows per table', atLeast(200), 20_000)
    .option('--reads <n>', 'reads by id per table and round', atLeast(1), 200)
    .option('--rounds <n>', 'rounds over the five tables', atLeast(1), 3)
    .parse()
    .opts<{ rows: number; reads: number; rounds: number }>();
  const rows = rowsOf(options.rows);
  const ids = Array.from(
    { length: 21 },
    (_, index) => rows[Math.floor((index * (rows.length - 1)) / 20)]!.id,
  );
  const directory = mkdtempSync(path.join(os.tmpdir(), 'tradegraph-append-'));
  try {
    const database = new Database(path.join(directory, 'db'), 1 << 30);
    const connection = new Connection(database);
    const names = Object.keys(WAYS);
    for (const [index, name] of names.entries()) {
      const table = `T${index}`;
      await drain(await connection.query(`CREATE NODE TABLE ${table}(${COLUMNS})`));
      if (name === 'copied')
        await drain(await connection.query(`CREATE NODE TABLE ${table}Staged(${COLUMNS})`));
      await WAYS[name]!(connection, table, rows);
      await drain(await connection.query('CHECKPOINT'));
    }
    const medians: Record<string, number[]> = Object.fromEntries(names.map((name) => [name, []]));
    for (let round = 0; round < options.rounds; round += 1) {
      for (const [index, name] of names.entries()) {
        medians[name]!.push(await readMs(connection, `T${index}`, ids, options.reads));
      }
    }
    const result = {
      date: new Date().toISOString(),
      machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
      rows: options.rows,
      readsPerRound: options.reads,
      p50Ms: Object.fromEntries(
        names.map((name) => [name, medians[name]!.map((ms) => Number(ms.toFixed(3)))]),
      ),
    };
    for (const name of names) {
      console.log(
        `${name.padEnd(16)} p50 by id, whole row: ${medians[name]!.map((ms) => ms.toFixed(3)).join(' / ')} ms`,
      );
    }
    const results = path.join(projectRoot(), 'bench', 'results');
    mkdirSync(results, { recursive: true });
    const file = path.join(results, `append-after-checkpoint-${result.date.slice(0, 10)}.json`);
    writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
    console.log(`results written to ${path.relative(process.cwd(), file)}`);
    await connection.close();
    await database.close();
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
