import type { Config } from '@jest/types';
import { buildTestCli, TEST_CLI_VARIABLE } from './cli-build';
import neo4jGlobalSetup from './neo4j-global-setup';

/** Jest global setup: this run's compiled `tradegraph` command (cli-build.ts), then the Neo4j tier. */
export default async function globalSetup(globalConfig: Config.GlobalConfig): Promise<void> {
  const started = Date.now();
  const folder = buildTestCli();
  process.env[TEST_CLI_VARIABLE] = folder;
  process.stderr.write(`[test cli] compiled src/ into ${folder} in ${Date.now() - started} ms\n`);
  await neo4jGlobalSetup(globalConfig);
}
