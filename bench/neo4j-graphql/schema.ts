/**
 * The @neo4j/graphql 7 schema over tradegraph's Neo4j graph (type-defs.graphql), and a driver that
 * counts the Cypher statements run through it: every statement @neo4j/graphql sends goes through a
 * session's `executeRead`/`executeWrite` transaction `run` (its Executor), or `session.run`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Neo4jGraphQL } from '@neo4j/graphql';
import type { GraphQLSchema } from 'graphql';
import neo4j, { type Driver } from 'neo4j-driver';

export const TYPE_DEFS_FILE = path.join(__dirname, 'type-defs.graphql');

export interface StatementCounter {
  /** Cypher statements run since the last reset. */
  count: number;
}

interface Runner {
  run(...args: unknown[]): unknown;
}

function countRuns<T extends object>(target: T, counter: StatementCounter): T {
  return new Proxy(target, {
    get(object, property, receiver) {
      const value: unknown = Reflect.get(object, property, receiver);
      if (property === 'run' && typeof value === 'function') {
        return (...args: unknown[]) => {
          counter.count += 1;
          return (value as Runner['run']).apply(object, args);
        };
      }
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(object) : value;
    },
  });
}

/** The driver, with every statement its sessions and their transactions run counted. */
export function countingDriver(driver: Driver, counter: StatementCounter): Driver {
  return new Proxy(driver, {
    get(object, property, receiver) {
      const value: unknown = Reflect.get(object, property, receiver);
      if (property === 'session' && typeof value === 'function') {
        return (...args: unknown[]) => {
          const session = (value as (...a: unknown[]) => object).apply(object, args);
          return new Proxy(session, {
            get(s, p, r) {
              const member: unknown = Reflect.get(s, p, r);
              if (p === 'run' && typeof member === 'function') {
                return (...a: unknown[]) => {
                  counter.count += 1;
                  return (member as (...x: unknown[]) => unknown).apply(s, a);
                };
              }
              if ((p === 'executeRead' || p === 'executeWrite') && typeof member === 'function') {
                return (work: (tx: object) => unknown, config?: unknown) =>
                  (member as (w: (tx: object) => unknown, c?: unknown) => unknown).call(
                    s,
                    (tx: object) => work(countRuns(tx, counter)),
                    config,
                  );
              }
              return typeof member === 'function' ? (member as (...x: unknown[]) => unknown).bind(s) : member;
            },
          });
        };
      }
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(object) : value;
    },
  });
}

export function openDriver(uri: string): Driver {
  return neo4j.driver(
    uri,
    neo4j.auth.basic(process.env.NEO4J_USER ?? 'neo4j', process.env.NEO4J_PASSWORD ?? ''),
    { userAgent: 'tradegraph-bench-neo4j-graphql' },
  );
}

export async function neo4jGraphQLSchema(driver: Driver): Promise<GraphQLSchema> {
  const typeDefs = readFileSync(TYPE_DEFS_FILE, 'utf8');
  return new Neo4jGraphQL({ typeDefs, driver }).getSchema();
}
