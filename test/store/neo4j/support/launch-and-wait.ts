import { startNeo4j } from '../../../../scripts/neo4j-launcher';

/*
 * Starts a Neo4j through the launcher as the test suites and `npm run neo4j` do, prints
 * `LAUNCHED <java pid> <bolt uri>`, then idles until it is killed: the launcher test kills this
 * process with SIGKILL and checks that the server does not outlive it.
 */
async function main(): Promise<void> {
  const [name] = process.argv.slice(2);
  if (!name) throw new Error('usage: launch-and-wait.ts <data name>');
  const server = await startNeo4j({
    name,
    fresh: true,
    heap: '256m',
    pageCache: '16m',
    javaOptions: ['-XX:TieredStopAtLevel=1'],
  });
  process.stdout.write(`LAUNCHED ${server.pid} ${server.uri}\n`);
  setInterval(() => undefined, 60_000);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
