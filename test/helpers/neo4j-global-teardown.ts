import { rmSync } from 'node:fs';
import { removeTemplateDirectories } from './template-shelf';

/**
 * Jest global teardown: stops the servers the global setup started and deletes their data, and
 * the workers' loaded templates (test/helpers/stores.ts).
 */
export default async function globalTeardown(): Promise<void> {
  removeTemplateDirectories(true);
  const servers = globalThis.tradegraphTestNeo4j ?? [];
  globalThis.tradegraphTestNeo4j = undefined;
  const started = Date.now();
  // Their data is deleted next, so a clean shutdown (a checkpoint, 10-20 s here) is not waited for.
  await Promise.all(servers.map((server) => server.stop(2_000)));
  if (servers.length > 0)
    process.stderr.write(`[neo4j tier] stopped ${servers.length} server(s) in ${Date.now() - started} ms\n`);
  for (const server of servers) rmSync(server.dataDirectory, { recursive: true, force: true });
}
