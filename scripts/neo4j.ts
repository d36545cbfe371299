import { parseArgs } from 'node:util';
import { ensureLauncherBuilt, launcherUnavailableReason, startNeo4j } from './neo4j-launcher';

/*
 * npm run neo4j [-- --name dev] [--port 7687] [--fresh] [--page-cache 128m]
 * Starts the development Neo4j (building neo4j/ with Maven first when needed) in the foreground,
 * data in var/neo4j/<name>, prints the NEO4J_URI to use, and stops it cleanly on Ctrl-C or SIGTERM.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      name: { type: 'string', default: 'dev' },
      port: { type: 'string', default: '0' },
      fresh: { type: 'boolean', default: false },
      'page-cache': { type: 'string', default: '128m' },
    },
  });
  const reason = launcherUnavailableReason();
  if (reason) throw new Error(`cannot start Neo4j: ${reason}`);
  ensureLauncherBuilt((line) => console.error(line));
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port: not a port: ${values.port}`);
  const server = await startNeo4j({
    name: values.name,
    port,
    fresh: values.fresh,
    pageCache: values['page-cache'],
    stderr: 'inherit',
  });
  console.log(`NEO4J_URI=${server.uri}`);
  console.error(`Neo4j ${server.dataDirectory} ready (pid ${server.pid}); in another shell:`);
  console.error(`  NEO4J_URI=${server.uri} npm start`);
  console.error('Ctrl-C stops it.');
  const stop = (): void => {
    void server.stop().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
