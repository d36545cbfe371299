import { removeTestCli, TEST_CLI_VARIABLE } from './cli-build';
import neo4jGlobalTeardown from './neo4j-global-teardown';

/** Jest global teardown: the Neo4j tier's servers, then this run's compiled command. */
export default async function globalTeardown(): Promise<void> {
  try {
    await neo4jGlobalTeardown();
  } finally {
    const folder = process.env[TEST_CLI_VARIABLE];
    if (folder) removeTestCli(folder);
  }
}
