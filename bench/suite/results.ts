/** What one scale's run records (bench/results/<date>-<scale>.json). */
import type { InProcessResult } from './in-process';
import type { HttpRun } from './http';
import type { ImportMeasurement } from './import-child';
import type { Probes } from './dataset';
import type { AnswerCheck, StatementCounts } from './anchor';
import type { ImportFloor } from './neo4j';

export interface Machine {
  readonly nproc: number;
  readonly cpu: string;
  readonly ramGiB: number;
  readonly node: string;
  readonly kernel: string;
}

export interface OperationResult {
  readonly name: string;
  readonly description: string;
  readonly query: string;
  readonly variables: Record<string, string>;
  readonly indexBacked: boolean;
  readonly nestingDepth: number;
  readonly responseBytes: number;
  /** Over HTTP with the store's answer cache off: the engine answers every request. */
  readonly http: HttpPair;
  /** Over HTTP with the server's defaults (answer cache on): the same request again and again. */
  readonly httpDefault: HttpPair | null;
  readonly inProcess: InProcessResult | null;
}

/** One connection (latency without queueing) and `connections` connections (throughput). */
export interface HttpPair {
  readonly http1: HttpRun;
  readonly httpN: HttpRun;
}

export interface ServerRun {
  /** `noCache`: TRADEGRAPH_READ_CACHE_ENTRIES=0; `default`: the server's own settings. */
  readonly variant: 'noCache' | 'default';
  readonly env: Record<string, string>;
  readonly rssAtStartMiB: number;
  readonly rssAfterMiB: number;
  readonly peakRssMiB: number;
  readonly exitCode: number | null;
  readonly stackFloor: HttpPair;
}

export interface ScaleResult {
  /** The store the operations ran on; absent in results of before there was a choice (embedded). */
  readonly engine?: 'embedded' | 'neo4j';
  readonly date: string;
  readonly scale: string;
  readonly seed: number;
  /** The tree measured: commit, and how many files differed from it. */
  readonly commit: string;
  readonly uncommittedFiles: number;
  readonly machine: Machine;
  readonly settings: {
    readonly durationSeconds: number;
    readonly connections: number;
    readonly inProcessSeconds: number;
  };
  readonly dataset: {
    readonly statistics: number;
    readonly bytes: number;
    readonly generateSeconds: number;
    readonly cached: boolean;
    readonly generatorHash: string;
    readonly probes: Probes;
  };
  readonly import: ImportMeasurement & {
    readonly rowsPerSecond: number;
    readonly pageCacheGiB: number;
    /** Set when the store was imported by an earlier run and reused (`--stores`): when, at what load. */
    readonly reused?: { readonly importedAt: string; readonly loadAverage: readonly number[] };
  };
  readonly servers: readonly ServerRun[];
  readonly operations: readonly OperationResult[];
}

/** One shared operation on both servers over the same Neo4j. */
export interface AnchorRun {
  readonly name: string;
  readonly description: string;
  readonly tradegraph: HttpPair;
  readonly neo4jGraphQL: HttpPair;
}

/** A scale on Neo4j: the suite's result, the import floor, and the comparison with @neo4j/graphql. */
export interface Neo4jScaleResult extends ScaleResult {
  readonly engine: 'neo4j';
  readonly neo4j: { readonly settings: string; readonly nodes: number; readonly relationships: number };
  readonly importFloor: ImportFloor | null;
  readonly anchor: {
    readonly package: string;
    readonly checks: readonly AnswerCheck[];
    readonly statements: readonly StatementCounts[];
    readonly runs: readonly AnchorRun[];
    readonly stackFloor: HttpPair;
    readonly notExpressible: string;
  };
  readonly rollbackCheck: RollbackCheck | null;
}

/** A journaled import killed while writing, then rolled back by its id. */
export interface RollbackCheck {
  readonly importId: string;
  /** Statistics written by the killed import before it died. */
  readonly writtenBeforeKill: number;
  readonly checksumBefore: string;
  readonly checksumAfterRollback: string;
  readonly same: boolean;
}
