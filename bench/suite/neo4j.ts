/**
 * Neo4j for the suite (`--engine neo4j`): the server (NEO4J_URI's, or a Maven-launched Neo4j
 * Community 5.26 of its own, see scripts/neo4j-launcher.ts), emptied between scales, and the
 * import floor: plain `UNWIND $rows … CREATE` batches through the driver.
 */
import { createReadStream, rmSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import neo4j, { type Driver } from 'neo4j-driver';
import { ensureLauncherBuilt, launcherUnavailableReason, startNeo4j } from '../../scripts/neo4j-launcher';
import { statisticRow } from '../../src/import/dataset';
import { STATISTIC_LINKS } from '../../src/domain/relationships';
import type { StatisticRecord } from '../../src/records/records';

export interface Neo4jTarget {
  readonly uri: string;
  /** Launched by the suite (and stopped by `stop`), or given in NEO4J_URI. */
  readonly launched: boolean;
  readonly settings: string;
  stop(): Promise<void>;
}

/** The server's heap and page cache when the suite launches it: room for scale M's million statistics. */
const HEAP = process.env.BENCH_NEO4J_HEAP ?? '3g';
const PAGE_CACHE = process.env.BENCH_NEO4J_PAGECACHE ?? '1536m';

export async function neo4jTarget(log: (line: string) => void): Promise<Neo4jTarget> {
  const given = process.env.NEO4J_URI;
  if (given) return { uri: given, launched: false, settings: 'NEO4J_URI', stop: async () => undefined };
  const reason = launcherUnavailableReason();
  if (reason) throw new Error(`--engine neo4j needs NEO4J_URI or the Maven launcher: ${reason}`);
  ensureLauncherBuilt(log);
  // A folder of its own (two suites may run at once), deleted when the suite stops the server.
  // Ten minutes to start: on a machine shared with other work the JVM start alone took over two.
  const server = await startNeo4j({
    name: `bench-${process.pid}`,
    fresh: true,
    heap: HEAP,
    pageCache: PAGE_CACHE,
    timeoutMs: 600_000,
  });
  log(`  Neo4j launched at ${server.uri} (heap ${HEAP}, page cache ${PAGE_CACHE}, pid ${server.pid})`);
  return {
    uri: server.uri,
    launched: true,
    settings: `Neo4j Community 5.26 (Maven launcher), -Xmx${HEAP}, page cache ${PAGE_CACHE}`,
    stop: async () => {
      await server.stop();
      rmSync(server.dataDirectory, { recursive: true, force: true });
    },
  };
}

export function benchDriver(uri: string): Driver {
  return neo4j.driver(
    uri,
    neo4j.auth.basic(process.env.NEO4J_USER ?? 'neo4j', process.env.NEO4J_PASSWORD ?? ''),
    { userAgent: 'tradegraph-bench' },
  );
}

/**
 * Deletes every node and relationship in small transactions: statistics first (a few links each),
 * then relationships, then nodes. Detaching a country in one go would load its hundreds of
 * thousands of statistic links into one transaction (a 768 MiB heap refuses it).
 */
export async function emptyNeo4j(uri: string): Promise<void> {
  const driver = benchDriver(uri);
  const session = driver.session();
  try {
    await session.run('MATCH (n:Statistic) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS');
    await session.run('MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 20000 ROWS');
    await session.run('MATCH (n) CALL (n) { DELETE n } IN TRANSACTIONS OF 20000 ROWS');
  } finally {
    await session.close();
    await driver.close();
  }
}

export async function countNeo4j(uri: string): Promise<{ nodes: number; relationships: number }> {
  const driver = benchDriver(uri);
  try {
    const { records } = await driver.executeQuery(
      'CALL () { MATCH (n) RETURN count(n) AS nodes } CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships } RETURN nodes, relationships',
    );
    const record = records[0];
    return {
      nodes: Number(record?.get('nodes') ?? 0),
      relationships: Number(record?.get('relationships') ?? 0),
    };
  } finally {
    await driver.close();
  }
}

export interface ImportFloor {
  readonly rows: number;
  readonly seconds: number;
  readonly rowsPerSecond: number;
  readonly batchRows: number;
  readonly statementsPerBatch: number;
}

/** Fields of a statistic record that link it, with the relationship type. */
const LINK_FIELDS = [
  ['subject', 'MEASURES'],
  ['destination', 'DESTINATION'],
  ['origin', 'ORIGIN'],
  ['sector', 'FOR_SECTOR'],
  ['publishedBy', 'PUBLISHED_BY'],
  ['source', 'STATED_IN'],
] as const;

const CREATE_STATISTICS = `UNWIND $rows AS row
CREATE (s:Statistic {id: row.id, kind: 'Statistic', name: row.name, metric: row.metric, value: row.value,
  unit: row.unit, period: row.period, periodStart: date(row.periodStart), periodEnd: date(row.periodEnd),
  granularity: row.granularity, changePercent: row.changePercent, changeComparedTo: row.changeComparedTo,
  scope: row.scope, subjectId: row.subjectId, destinationId: row.destinationId, originId: row.originId,
  sectorId: row.sectorId, publishedById: row.publishedById, sourceId: row.sourceId})`;

/** One link statement per relationship type and target label, built from STATISTIC_LINKS (constants, not input). */
function linkStatement(type: string, label: string): string {
  return `UNWIND $rows AS row
MATCH (s:Statistic {id: row.id})
MATCH (t:${label} {id: row.target})
CREATE (s)-[:${type}]->(t)`;
}

/**
 * The import floor: the statistics file's rows, each batch one transaction of plain
 * `UNWIND $rows AS row CREATE (s:Statistic {…})` and, per relationship type and target label,
 * `UNWIND $rows … MATCH … MATCH … CREATE` — no checking, no journal, no repeat detection. The
 * entities the statistics refer to must be in the graph already (their labels are read first,
 * untimed). Timed: reading and parsing the file, building the rows, and writing.
 */
export async function importFloor(
  uri: string,
  statisticsFile: string,
  batchRows = 10_000,
): Promise<ImportFloor> {
  const driver = benchDriver(uri);
  try {
    const labels = new Map<string, string>();
    const { records } = await driver.executeQuery(
      'MATCH (n) WHERE NOT n:Statistic AND NOT n:Meta RETURN n.id AS id, labels(n)[0] AS label',
    );
    for (const record of records) labels.set(record.get('id') as string, record.get('label') as string);
    const allowed = STATISTIC_LINKS as Record<string, { to: readonly string[] }>;
    const statements = new Map<string, string>();
    let batches = 0;
    let statementsRun = 0;
    const started = process.hrtime.bigint();
    let rows = 0;
    let batch: StatisticRecord[] = [];
    const flush = async (): Promise<void> => {
      if (batch.length === 0) return;
      const records = batch;
      batch = [];
      const built = records.map((record) => {
        const row = statisticRow(record);
        return {
          ...row,
          changePercent: record.changePercent ?? null,
          changeComparedTo: record.changeComparedTo ?? null,
        };
      });
      const links = new Map<string, { id: string; target: string }[]>();
      for (const record of records) {
        for (const [field, type] of LINK_FIELDS) {
          const target = record[field];
          if (typeof target !== 'string') continue;
          const label = labels.get(target);
          if (!label || !allowed[type]?.to.includes(label))
            throw new Error(`floor: ${record.id} ${field} "${target}"`);
          const key = `${type} ${label}`;
          if (!statements.has(key)) statements.set(key, linkStatement(type, label));
          const list = links.get(key) ?? [];
          list.push({ id: record.id, target });
          links.set(key, list);
        }
      }
      const session = driver.session({ defaultAccessMode: neo4j.session.WRITE });
      try {
        await session.executeWrite(async (tx) => {
          await tx.run(CREATE_STATISTICS, { rows: built });
          statementsRun += 1;
          for (const [key, list] of links) {
            await tx.run(statements.get(key)!, { rows: list });
            statementsRun += 1;
          }
        });
      } finally {
        await session.close();
      }
      batches += 1;
      rows += records.length;
    };
    const lines = createInterface({ input: createReadStream(statisticsFile), crlfDelay: Infinity });
    for await (const line of lines) {
      if (line.trim() === '') continue;
      batch.push(JSON.parse(line) as StatisticRecord);
      if (batch.length >= batchRows) await flush();
    }
    await flush();
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    return {
      rows,
      seconds,
      rowsPerSecond: Math.round(rows / seconds),
      batchRows,
      statementsPerBatch: Math.round((statementsRun / Math.max(1, batches)) * 10) / 10,
    };
  } finally {
    await driver.close();
  }
}

/** The generated statistics file among a scale's files. */
export function statisticsFileOf(files: readonly string[]): string | undefined {
  return files.find((file) => path.basename(file).startsWith('statistics.'));
}
