/**
 * Atomicity of the Neo4j import: an import killed while it writes leaves the graph as before once
 * it is rolled back by its id (the journal, src/import/journal.ts). The suite imports a copy of the
 * scale's statistics under new ids in small journaled batches, kills the importing process
 * (SIGKILL) as soon as its first batch is in the graph, rolls the import back as
 * `tradegraph import --rollback <id>` does, and compares graph checksums.
 */
import { spawn } from 'node:child_process';
import { createReadStream, createWriteStream } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { once } from 'node:events';
import { graphChecksum } from '../../src/export/graph-checksum';
import { rollbackImport, unfinishedImports } from '../../src/import/journal';
import { ALL_STATEMENTS } from '../../src/store/catalog';
import { CypherCatalog } from '../../src/store/cypher-catalog';
import { Neo4jStore } from '../../src/store/neo4j/neo4j-store';
import { projectRoot } from '../../src/paths';
import { benchDriver } from './neo4j';
import type { RollbackCheck } from './results';

const SUFFIX = '-rollback-check';

async function renamedCopy(statisticsFile: string, directory: string): Promise<string> {
  const target = path.join(directory, 'statistics.jsonl');
  const out = createWriteStream(target);
  for await (const line of createInterface({
    input: createReadStream(statisticsFile),
    crlfDelay: Infinity,
  })) {
    if (line.trim() === '') continue;
    const record = JSON.parse(line) as { id: string };
    if (!out.write(`${JSON.stringify({ ...record, id: `${record.id}${SUFFIX}` })}\n`))
      await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return target;
}

async function renamedStatistics(uri: string): Promise<number> {
  const driver = benchDriver(uri);
  try {
    const { records } = await driver.executeQuery(
      'MATCH (s:Statistic) WHERE s.id ENDS WITH $suffix RETURN count(s) AS n',
      { suffix: SUFFIX },
    );
    return Number(records[0]?.get('n') ?? 0);
  } finally {
    await driver.close();
  }
}

export async function checkRollback(
  uri: string,
  statisticsFile: string,
  scratch: string,
): Promise<RollbackCheck> {
  const store = await Neo4jStore.open({
    uri,
    user: process.env.NEO4J_USER ?? 'neo4j',
    password: process.env.NEO4J_PASSWORD ?? '',
    catalog: CypherCatalog.load('neo4j').verify(ALL_STATEMENTS),
  });
  try {
    const before = await graphChecksum(store);
    const file = await renamedCopy(statisticsFile, scratch);
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(__dirname, 'import-child.ts'), uri, '-', file],
      {
        cwd: projectRoot(),
        env: { ...process.env, NODE_OPTIONS: '', BENCH_IMPORT_BATCH_SIZE: '500' },
        stdio: ['ignore', 'ignore', 'ignore'],
      },
    );
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    let written = 0;
    let finished = false;
    void exited.then(() => (finished = true));
    while (!finished) {
      written = await renamedStatistics(uri);
      if (written > 0) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    child.kill('SIGKILL');
    await exited;
    if (written === 0) throw new Error('the import to kill finished before writing anything');
    const unfinished = (await unfinishedImports(store)).filter((each) => each.state === 'running');
    if (unfinished.length !== 1)
      throw new Error(`expected one unfinished import, found ${unfinished.length}`);
    const importId = unfinished[0]!.importId;
    await rollbackImport(store, importId);
    const after = await graphChecksum(store);
    return {
      importId,
      writtenBeforeKill: written,
      checksumBefore: before.checksum,
      checksumAfterRollback: after.checksum,
      same: before.checksum === after.checksum && (await renamedStatistics(uri)) === 0,
    };
  } finally {
    await store.close();
  }
}
