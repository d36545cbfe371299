import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import neo4j from 'neo4j-driver';
import { launcherUnavailableReason, NEO4J_DATA_ROOT } from '../../../scripts/neo4j-launcher';
import { alive } from '../../helpers/engines';
import { NEO4J_SKIP_VARIABLE } from '../../helpers/neo4j-env';

/*
 * A Neo4j started through the launcher stops when the process that started it dies, even by SIGKILL
 * (a killed jest run or bench once left its servers running, holding memory and ports).
 */
const skipReason = process.env[NEO4J_SKIP_VARIABLE] ?? launcherUnavailableReason();

async function until(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return check();
}

if (skipReason) {
  console.warn(`launcher test skipped: ${skipReason}`);
  test.skip(`a launched Neo4j stops with its parent: ${skipReason}`, () => undefined);
} else {
  test('a launched Neo4j stops cleanly when the process that started it is SIGKILLed', async () => {
    const name = `launcher-orphan-${process.pid}`;
    const parent = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(__dirname, 'support', 'launch-and-wait.ts'), name],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let errors = '';
    parent.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString('utf8')));
    let javaPid = 0;
    try {
      const launched = await new Promise<{ pid: number; uri: string }>((resolve, reject) => {
        createInterface({ input: parent.stdout }).on('line', (line) => {
          const match = /^LAUNCHED (\d+) (\S+)$/.exec(line);
          if (match) resolve({ pid: Number(match[1]), uri: match[2]! });
        });
        parent.once('exit', (code) => reject(new Error(`the parent exited (${String(code)}): ${errors}`)));
      });
      javaPid = launched.pid;
      const driver = neo4j.driver(launched.uri);
      try {
        const { records } = await driver.executeQuery('RETURN 1 AS one');
        expect(records[0]?.get('one')).toEqual(neo4j.int(1));
      } finally {
        await driver.close();
      }

      parent.kill('SIGKILL');
      expect(await until(() => !alive(javaPid), 60_000)).toBe(true);
    } finally {
      if (parent.exitCode === null && parent.signalCode === null) parent.kill('SIGKILL');
      if (javaPid !== 0 && alive(javaPid)) process.kill(javaPid, 'SIGKILL');
      rmSync(path.join(NEO4J_DATA_ROOT, name), { recursive: true, force: true });
    }
  }, 240_000);
}
