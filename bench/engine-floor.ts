/**
 * The embedded engine's floor: how many statements a second it runs on this machine, whatever we
 * build above it, and what each costs in CPU (every thread of the process, the engine's included).
 * Three statements, each driven by 1, 2 and 8 callers at once for a few seconds:
 *
 * - `RETURN 1` through the engine's Node binding (a prepared statement, its rows read): the least a
 *   statement can cost;
 * - a company by primary key through the binding, the node returned whole;
 * - the same lookup through our store (`nodes-by-ids-company`: the pool, the statement catalog and
 *   the mapping of rows to plain values), as every read of the API goes.
 *
 *   npm run bench:floor [-- --seconds 5]
 *
 * A request costs at least one statement, so the statements a second at 2 and 8 callers bound the
 * requests a second any server on this engine can answer without a cache. Writes
 * bench/results/engine-floor-<date>.json.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Connection, Database, type QueryResult } from '@ladybugdb/core';
import { Command, InvalidArgumentError } from 'commander';
import { projectRoot } from '../src/paths';
import { ensureDataset } from '../src/import/ensure-dataset';
import { nodesOfKind } from '../src/store/generated-statements';
import { EmbeddedStore } from '../src/store/embedded/embedded-store';

interface Floor {
  readonly statement: string;
  readonly callers: number;
  readonly statementsPerSecond: number;
  readonly cpuMsPerStatement: number;
}

async function drive(
  callers: number,
  seconds: number,
  run: () => Promise<unknown>,
): Promise<[number, number]> {
  const deadline = Date.now() + seconds * 1000;
  let done = 0;
  const cpu = process.cpuUsage();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: callers }, async () => {
      while (Date.now() < deadline) {
        await run();
        done += 1;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  return [done / elapsed, (used.user + used.system) / 1000 / done];
}

async function rowsOf(result: QueryResult | QueryResult[]): Promise<unknown[]> {
  const single = Array.isArray(result) ? result[0] : result;
  if (!single) throw new Error('no result');
  return single.getAll();
}

async function main(): Promise<void> {
  const { seconds } = new Command()
    .option(
      '--seconds <s>',
      'seconds per measurement',
      (value) => {
        const n = Number(value);
        if (!(n > 0)) throw new InvalidArgumentError('a positive number of seconds');
        return n;
      },
      5,
    )
    .parse()
    .opts<{ seconds: number }>();
  const work = mkdtempSync(path.join(os.tmpdir(), 'tradegraph-floor-'));
  const directory = path.join(work, 'db');
  const floors: Floor[] = [];
  try {
    // The curated dataset, loaded and closed, then opened twice over: the binding alone, then our store.
    const loading = await EmbeddedStore.open({ directory, queryTimeoutMs: 60_000 });
    await ensureDataset(loading);
    await loading.close();

    const database = new Database(directory, 1024 ** 3, true, true);
    const connections = Array.from({ length: 8 }, () => new Connection(database));
    const statements = {
      'RETURN 1 (binding)': 'RETURN 1 AS one',
      'company by id (binding)': 'MATCH (c:Company {id: $id}) RETURN c AS node',
    };
    for (const [name, text] of Object.entries(statements)) {
      const prepared = await Promise.all(connections.map((connection) => connection.prepare(text)));
      let next = 0;
      for (const callers of [1, 2, 8]) {
        const [perSecond, cpuMs] = await drive(callers, seconds, async () => {
          const index = next++ % callers;
          const connection = connections[index]!;
          return rowsOf(await connection.execute(prepared[index]!, { id: 'freightliner' }));
        });
        floors.push({
          statement: name,
          callers,
          statementsPerSecond: Math.round(perSecond),
          cpuMsPerStatement: cpuMs,
        });
      }
    }
    for (const connection of connections) await connection.close();
    await database.close();

    const store = await EmbeddedStore.open({
      directory,
      queryTimeoutMs: 60_000,
      readOnly: { reason: 'bench' },
    });
    const lookup = nodesOfKind('Company');
    for (const callers of [1, 2, 8]) {
      const [perSecond, cpuMs] = await drive(callers, seconds, () =>
        store.read(lookup, { ids: ['freightliner'] }),
      );
      floors.push({
        statement: 'company by id (our store, nodes-by-ids-company)',
        callers,
        statementsPerSecond: Math.round(perSecond),
        cpuMsPerStatement: cpuMs,
      });
    }
    await store.close();
  } finally {
    rmSync(work, { recursive: true, force: true });
  }

  for (const floor of floors) {
    process.stdout.write(
      `${floor.statement.padEnd(50)} ${String(floor.callers).padStart(2)} callers  ` +
        `${String(floor.statementsPerSecond).padStart(6)} statements/s  ${floor.cpuMsPerStatement.toFixed(3)} ms CPU each\n`,
    );
  }
  const results = path.join(projectRoot(), 'bench', 'results');
  mkdirSync(results, { recursive: true });
  const date = new Date().toISOString();
  const file = path.join(results, `engine-floor-${date.slice(0, 10)}.json`);
  writeFileSync(
    file,
    `${JSON.stringify(
      {
        date,
        machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 1024 ** 3)} GiB, Node ${process.version}`,
        load: os.loadavg(),
        seconds,
        floors,
      },
      null,
      2,
    )}\n`,
  );
  process.stdout.write(`written to ${path.relative(projectRoot(), file)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
