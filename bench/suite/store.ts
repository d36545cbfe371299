/** The embedded store the in-process measurements use: the application's statements plus the floors'. */
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CypherCatalog, defaultCypherDirectory } from '../../src/store/cypher-catalog';
import { EmbeddedStore } from '../../src/store/embedded/embedded-store';
import type { GraphStore } from '../../src/store/graph-store';
import { Neo4jStore } from '../../src/store/neo4j/neo4j-store';
import { readStatement, type Statement } from '../../src/store/statements';
import type { Params, Row } from '../../src/store/values';

export const BENCH_CYPHER_DIRECTORY = path.join(__dirname, '..', 'cypher');

/** The project's catalog with bench/cypher/*.cypher added (read from a scratch copy). */
export function benchCatalog(engine: 'embedded' | 'neo4j' = 'embedded'): CypherCatalog {
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'tradegraph-bench-cypher-'));
  try {
    cpSync(defaultCypherDirectory(), scratch, { recursive: true });
    for (const file of readdirSync(BENCH_CYPHER_DIRECTORY).filter((f) => f.endsWith('.cypher'))) {
      cpSync(path.join(BENCH_CYPHER_DIRECTORY, file), path.join(scratch, file));
    }
    return CypherCatalog.load(engine, scratch);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

export function openBenchStore(directory: string): Promise<EmbeddedStore> {
  return EmbeddedStore.open({ directory, catalog: benchCatalog(), queryTimeoutMs: 60_000 });
}

/** The Neo4j at `uri` with the bench catalog: the floors run on Neo4j as they are written. */
export function openBenchNeo4j(uri: string): Promise<Neo4jStore> {
  return Neo4jStore.open({
    uri,
    user: process.env.NEO4J_USER ?? 'neo4j',
    password: process.env.NEO4J_PASSWORD ?? '',
    catalog: benchCatalog('neo4j'),
    queryTimeoutMs: 60_000,
  });
}

export function floorStatement(name: string): Statement<Params, Row> {
  return readStatement<Params, Row>(name, [], {});
}

/** A store that counts the statements it runs (reads and writes), by name. */
export interface CountingStore extends GraphStore {
  readonly calls: string[];
  /** Milliseconds spent in reads so far (wall time, overlapping reads counted once each). */
  readMs: number;
  /** Per statement name: calls and milliseconds (since the last reset of `byStatement`). */
  readonly byStatement: Map<string, { calls: number; ms: number }>;
}

export function countingStore(inner: GraphStore): CountingStore {
  const calls: string[] = [];
  const counting: CountingStore = {
    engine: inner.engine,
    bulkDirectory: inner.bulkDirectory,
    calls,
    readMs: 0,
    byStatement: new Map(),
    read: async (statement, params) => {
      calls.push(statement.name);
      const started = process.hrtime.bigint();
      try {
        return await inner.read(statement, params);
      } finally {
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        counting.readMs += ms;
        const entry = counting.byStatement.get(statement.name) ?? { calls: 0, ms: 0 };
        entry.calls += 1;
        entry.ms += ms;
        counting.byStatement.set(statement.name, entry);
      }
    },
    transaction: (work) =>
      inner.transaction((tx) =>
        work({
          run: (statement, params) => {
            calls.push(statement.name);
            return tx.run(statement, params);
          },
          runBatch: (statement, rows) => {
            calls.push(statement.name);
            return tx.runBatch(statement, rows);
          },
        }),
      ),
    health: () => inner.health(),
    close: () => inner.close(),
  };
  return counting;
}
