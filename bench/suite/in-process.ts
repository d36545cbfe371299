/**
 * In-process measurements on the imported store (the server stopped): each operation through
 * `createTradeGraph` one call at a time, its store round trips, and its floor, the hand-written
 * Cypher query run straight on the same store.
 */
import { createTradeGraph } from '../../src/trade-graph';
import type { Operation } from './operations';
import { sequential, type LatencySummary } from './stats';
import type { GraphStore } from '../../src/store/graph-store';
import { countingStore, floorStatement } from './store';

export interface FloorResult {
  readonly statement: string;
  readonly rows: number;
  readonly latencyMs: LatencySummary;
}

export interface InProcessResult {
  readonly name: string;
  /** Statements the first (cold) execution ran, and a repeat of it. */
  readonly roundTrips: number;
  readonly roundTripsWarm: number;
  readonly statements: readonly string[];
  readonly latencyMs: LatencySummary;
  /** Mean milliseconds per execution spent waiting on store reads (the rest is GraphQL and mapping). */
  readonly storeMsPerCall: number;
  /** Mean milliseconds per call of each statement the operation runs. */
  readonly statementMs: Record<string, number>;
  /** The fastest floor query, and every one measured. */
  readonly floor?: FloorResult;
  readonly floorCandidates: readonly FloorResult[];
  /** Floor queries that failed (e.g. the engine's page cache ran out). */
  readonly failedFloors?: readonly { readonly statement: string; readonly error: string }[];
}

export async function measureInProcess(
  open: () => Promise<GraphStore>,
  list: readonly Operation[],
  seconds: number,
  log: (line: string) => void,
): Promise<InProcessResult[]> {
  const store = countingStore(await open());
  const graph = await createTradeGraph({ store });
  const results: InProcessResult[] = [];
  try {
    const run = async (operation: Operation): Promise<void> => {
      const result = await graph.execute(operation.query, operation.variables);
      if (result.errors || !result.data) {
        throw new Error(
          `${operation.name} fails in-process: ${JSON.stringify(result.errors).slice(0, 2000)}`,
        );
      }
    };
    for (const operation of list) {
      store.calls.length = 0;
      await run(operation);
      const statements = [...store.calls];
      store.calls.length = 0;
      await run(operation);
      const roundTripsWarm = store.calls.length;
      store.readMs = 0;
      store.byStatement.clear();
      const latencyMs = await sequential(() => run(operation), seconds);
      const storeMsPerCall = Math.round((store.readMs / latencyMs.count) * 1000) / 1000;
      const statementMs = Object.fromEntries(
        [...store.byStatement].map(([name, { calls, ms }]) => [name, Math.round((ms / calls) * 1000) / 1000]),
      );
      // The floor: the fastest of the operation's hand-written queries.
      const candidates: FloorResult[] = [];
      const failedFloors: { statement: string; error: string }[] = [];
      for (const { statement: name, params } of operation.floors) {
        const statement = floorStatement(name);
        try {
          const rows = (await store.read(statement, params)).length;
          const floorLatency = await sequential(
            async () => {
              await store.read(statement, params);
            },
            seconds,
            10,
          );
          candidates.push({ statement: name, rows, latencyMs: floorLatency });
        } catch (error) {
          // A floor query the engine cannot run at this scale is recorded, not fatal.
          const message = error instanceof Error ? error.message : String(error);
          failedFloors.push({ statement: name, error: message });
          log(`  ${name} failed: ${message}`);
        }
      }
      const floor = candidates.reduce<FloorResult | undefined>(
        (best, c) => (best && best.latencyMs.p50 <= c.latencyMs.p50 ? best : c),
        undefined,
      );
      log(
        `  in-process ${operation.name.padEnd(12)} p50 ${latencyMs.p50.toFixed(2).padStart(8)} ms  ` +
          `(store ${storeMsPerCall.toFixed(2)} ms)  round trips ${statements.length} (warm ${roundTripsWarm})` +
          candidates
            .map((c) => `  ${c.statement} p50 ${c.latencyMs.p50.toFixed(2)} ms (${c.rows} rows)`)
            .join('') +
          `  [${Object.entries(statementMs)
            .map(([name, ms]) => `${name} ${ms.toFixed(1)}`)
            .join(', ')}]`,
      );
      results.push({
        name: operation.name,
        roundTrips: statements.length,
        roundTripsWarm,
        statements,
        latencyMs,
        storeMsPerCall,
        statementMs,
        ...(floor ? { floor } : {}),
        floorCandidates: candidates,
        failedFloors,
      });
    }
  } finally {
    await graph.close();
  }
  return results;
}
