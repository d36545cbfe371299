import path from 'node:path';
import { z } from 'zod';
import { projectPath } from './paths.js';

/**
 * Settings from the environment, checked once at start-up. A bad value stops the process with
 * a message naming the variable, rather than failing later at request time.
 */
const environment = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().default('127.0.0.1'),
  TRADEGRAPH_DATA_DIR: z.string().optional(),
  TRADEGRAPH_DB_DIR: z.string().optional(),
  TRADEGRAPH_QUERY_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  NEO4J_URI: z.string().optional(),
  NEO4J_USER: z.string().default('neo4j'),
  NEO4J_PASSWORD: z.string().optional(),
  NEO4J_DATABASE: z.string().optional(),
});

export type StoreConfig =
  | { readonly engine: 'embedded'; readonly directory: string; readonly queryTimeoutMs: number }
  | {
      readonly engine: 'neo4j';
      readonly uri: string;
      readonly user: string;
      readonly password: string;
      readonly database?: string;
      readonly queryTimeoutMs: number;
    };

export interface Config {
  readonly port: number;
  readonly host: string;
  /** The dataset loaded into an empty store; the curated `data/` by default. */
  readonly dataDirectory: string | undefined;
  readonly store: StoreConfig;
}

/** The embedded database lives in `var/tradegraph.db` under the project unless told otherwise. */
export function defaultDatabaseDirectory(): string {
  return projectPath('var', 'tradegraph.db');
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = environment.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`invalid environment: ${problems.join('; ')}`);
  }
  const e = parsed.data;
  const store: StoreConfig = e.NEO4J_URI
    ? {
        engine: 'neo4j',
        uri: e.NEO4J_URI,
        user: e.NEO4J_USER,
        password: e.NEO4J_PASSWORD ?? '',
        ...(e.NEO4J_DATABASE ? { database: e.NEO4J_DATABASE } : {}),
        queryTimeoutMs: e.TRADEGRAPH_QUERY_TIMEOUT_MS,
      }
    : {
        engine: 'embedded',
        directory: path.resolve(e.TRADEGRAPH_DB_DIR ?? defaultDatabaseDirectory()),
        queryTimeoutMs: e.TRADEGRAPH_QUERY_TIMEOUT_MS,
      };
  return { port: e.PORT, host: e.HOST, dataDirectory: e.TRADEGRAPH_DATA_DIR, store };
}
