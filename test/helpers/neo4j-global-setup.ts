import type { Config } from '@jest/types';
import {
  ensureLauncherBuilt,
  launcherUnavailableReason,
  startNeo4j,
  type LaunchedNeo4j,
} from '../../scripts/neo4j-launcher';
import { NEO4J_SKIP_VARIABLE, NEO4J_URIS_VARIABLE } from './neo4j-env';

/*
 * Jest global setup: gives the Neo4j tier a real server.
 * - NEO4J_URI set: that server (suites take turns on it through a lock; see test/helpers/engines.ts).
 * - otherwise, with Java (and Maven, or a built launcher): one fresh Maven-launched Neo4j per jest worker,
 *   started in parallel, stopped in the teardown. Community has one user database, so each worker
 *   gets its own server rather than sharing one.
 * - otherwise: the reason goes to every worker, and the Neo4j tier is skipped printing it.
 * Workers see the URIs in TRADEGRAPH_TEST_NEO4J_URIS, never NEO4J_URI, so child processes the tests
 * start (`tradegraph serve`, examples) stay on the embedded store unless a test says otherwise.
 * TRADEGRAPH_TEST_NEO4J=off skips the tier; TRADEGRAPH_REQUIRE_NEO4J=1 (CI) makes a missing Java or Maven an error.
 */

declare global {
  var tradegraphTestNeo4j: LaunchedNeo4j[] | undefined;
}

export default async function globalSetup(globalConfig: Config.GlobalConfig): Promise<void> {
  const say = (line: string): void => void process.stderr.write(`[neo4j tier] ${line}\n`);
  const given = process.env.NEO4J_URI;
  delete process.env.NEO4J_URI;
  delete process.env[NEO4J_SKIP_VARIABLE];
  if (process.env.TRADEGRAPH_TEST_NEO4J === 'off') {
    process.env[NEO4J_SKIP_VARIABLE] = 'TRADEGRAPH_TEST_NEO4J=off';
    return;
  }
  if (given) {
    process.env[NEO4J_URIS_VARIABLE] = given;
    say(`using NEO4J_URI=${given.replace(/\/\/[^@/]*@/, '//')} (the tier empties its database)`);
    return;
  }
  const reason = launcherUnavailableReason();
  if (reason && process.env.TRADEGRAPH_REQUIRE_NEO4J === '1') {
    throw new Error(`TRADEGRAPH_REQUIRE_NEO4J=1 but the Neo4j tier cannot run: ${reason}`);
  }
  if (reason) {
    process.env[NEO4J_SKIP_VARIABLE] = `${reason}, and NEO4J_URI is not set`;
    say(`skipped: ${process.env[NEO4J_SKIP_VARIABLE]}`);
    return;
  }
  const started = Date.now();
  ensureLauncherBuilt(say);
  const count = Math.max(1, Math.min(globalConfig.maxWorkers, 2));
  const servers = await Promise.all(
    Array.from({ length: count }, (_, index) =>
      startNeo4j({
        name: `test-${process.pid}-${index + 1}`,
        fresh: true,
        heap: '768m',
        pageCache: '64m',
        // C1 only: over a whole run the servers spent about a third of their CPU in C2 compiling.
        javaOptions: ['-XX:TieredStopAtLevel=1'],
        // One plan per statement and parameter types, not also per size of each string and list
        // parameter (powers of ten): the hostile-input suites send every size, and each new one was
        // planned again (injection's Neo4j half: 101 s of the server's CPU, 68 s without).
        settings: { 'internal.cypher.use_parameter_size': 'false' },
      }),
    ),
  );
  globalThis.tradegraphTestNeo4j = servers;
  process.env[NEO4J_URIS_VARIABLE] = servers.map((server) => server.uri).join(',');
  say(
    `${count} Neo4j 5.26 server(s) at ${process.env[NEO4J_URIS_VARIABLE]} ready in ${(
      (Date.now() - started) /
      1000
    ).toFixed(1)} s`,
  );
}
