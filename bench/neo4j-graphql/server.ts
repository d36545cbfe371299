/**
 * @neo4j/graphql 7 behind Apollo Server 5's standalone HTTP server, on loopback and a free port,
 * over the Neo4j at NEO4J_URI: the anchor the suite compares `tradegraph serve` with. Prints
 * `API http://127.0.0.1:<port>/graphql` once it listens; SIGTERM stops it.
 *
 *   NEO4J_URI=bolt://127.0.0.1:7687 node --import tsx bench/neo4j-graphql/server.ts
 */
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { neo4jGraphQLSchema, openDriver } from './schema';

async function main(): Promise<void> {
  const uri = process.env.NEO4J_URI;
  if (!uri) throw new Error('NEO4J_URI is not set');
  const driver = openDriver(uri);
  await driver.verifyConnectivity();
  const server = new ApolloServer({ schema: await neo4jGraphQLSchema(driver) });
  const { url } = await startStandaloneServer(server, { listen: { host: '127.0.0.1', port: 0 } });
  process.stdout.write(`API ${url.replace(/\/$/, '')}/graphql\n`);
  const stop = (): void => {
    void server
      .stop()
      .then(() => driver.close())
      .then(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
