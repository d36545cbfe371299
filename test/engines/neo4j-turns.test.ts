import { existsSync, writeFileSync } from 'node:fs';
import { lockNeo4j, lockPath } from '../helpers/engines';

/*
 * The Neo4j tier's turns (test/helpers/engines.ts), without a server: the lock is a file. Jest gives
 * each test file its own `process` object, so a turn an earlier file of this worker never released
 * (its set-up timed out) is known here only by the pid in the lock file; it must be taken over,
 * not fail every later Neo4j suite of the worker.
 */
describe('Neo4j test turns', () => {
  const uri = `bolt://turns-${process.pid}.invalid:7687`;

  test('a turn left by an earlier test file of this worker is taken over', async () => {
    writeFileSync(lockPath(uri), String(process.pid));
    const release = await lockNeo4j(uri);
    expect(existsSync(lockPath(uri))).toBe(true);
    release();
    expect(existsSync(lockPath(uri))).toBe(false);
  });

  test('a second turn asked for by the same test file is refused', async () => {
    const release = await lockNeo4j(uri);
    try {
      await expect(lockNeo4j(uri)).rejects.toThrow(/already holds the Neo4j test lock/);
    } finally {
      release();
    }
  });
});
