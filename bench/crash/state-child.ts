/**
 * Child process of the crash benchmark and test: opens an embedded database the way a restart
 * does (`EmbeddedStore.open`, with its recovery), reports what the open recovered from and the
 * graph's state, then closes it. Its own process, as a restart is. Prints one JSON line.
 *
 *   node --import tsx bench/crash/state-child.ts <database file> checksum|counts
 *
 * `checksum` is `graphChecksum` (every node and relationship with its properties); `counts` is
 * the number of nodes of each kind and relationships of each type, for graphs where the full
 * checksum takes too long to run after every kill (see bench/README.md).
 */
import { readdirSync } from 'node:fs';
import { graphChecksum } from '../../src/export/graph-checksum';
import { countNodes, countRelationships } from '../../src/store/catalog';
import { EmbeddedStore } from '../../src/store/embedded/embedded-store';

export interface GraphState {
  readonly opened: boolean;
  /** The checksum, or (counts) a fingerprint of the counts; empty when the open failed. */
  readonly fingerprint: string;
  readonly nodes: number;
  readonly relationships: number;
  readonly error?: string;
  /** Files the open found left by an unfinished write and removed. */
  readonly removed: number;
  /** A write-ahead log the open could not replay and set aside. */
  readonly keptLog: string | null;
  /** What the store's work directory held once the store was open (it should be empty). */
  readonly workAfterOpen: readonly string[];
  readonly seconds: number;
}

/** Opens the database as a restart does and reads its state (see the top of this file). */
export async function readState(database: string, mode: 'checksum' | 'counts'): Promise<GraphState> {
  const started = Date.now();
  let store: EmbeddedStore;
  try {
    store = await EmbeddedStore.open({
      directory: database,
      queryTimeoutMs: 0,
      bufferPoolBytes: 4 * 1024 ** 3,
    });
  } catch (error) {
    const state: GraphState = {
      opened: false,
      fingerprint: '',
      nodes: 0,
      relationships: 0,
      error: error instanceof Error ? error.message : String(error),
      removed: 0,
      keptLog: null,
      workAfterOpen: [],
      seconds: (Date.now() - started) / 1000,
    };
    return state;
  }
  try {
    const workAfterOpen = ['bulk', 'scratch'].flatMap((folder) =>
      readdirSync(`${database}.work/${folder}`).map((name) => `${folder}/${name}`),
    );
    let fingerprint: string;
    let nodes = 0;
    let relationships = 0;
    if (mode === 'checksum') {
      const sum = await graphChecksum(store);
      fingerprint = sum.checksum;
      nodes = Object.values(sum.nodes).reduce((a, b) => a + b, 0);
      relationships = sum.relationships;
    } else {
      const parts: string[] = [];
      for (const row of await store.read(countNodes, {})) {
        parts.push(`N|${row.kind}|${row.count}`);
        nodes += row.count;
      }
      for (const row of await store.read(countRelationships, {})) {
        parts.push(`R|${row.type}|${row.count}`);
        relationships += row.count;
      }
      fingerprint = parts.sort().join(',');
    }
    const state: GraphState = {
      opened: true,
      fingerprint,
      nodes,
      relationships,
      removed: store.recovery.removed.length,
      keptLog: store.recovery.keptLog,
      workAfterOpen,
      seconds: (Date.now() - started) / 1000,
    };
    return state;
  } finally {
    await store.close();
  }
}

async function main(): Promise<void> {
  const [database, mode] = process.argv.slice(2);
  if (!database || (mode !== 'checksum' && mode !== 'counts')) {
    throw new Error('usage: state-child <database file> checksum|counts');
  }
  process.stdout.write(`${JSON.stringify(await readState(database, mode))}\n`);
}

if (process.argv[1]?.endsWith('state-child.ts'))
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  });
