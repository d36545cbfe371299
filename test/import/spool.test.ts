import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Spool } from '../../src/import/spool';
import { emptyPlan } from '../../src/import/write-plan';

describe('Spool of write plans', () => {
  test('plans come back in order from the scratch directory, which is removed after', async () => {
    const scratch = mkdtempSync(path.join(os.tmpdir(), 'tradegraph-spool-test-'));
    try {
      const spool = new Spool(scratch);
      const plans = [1, 2, 3].map((n) => ({ ...emptyPlan(true), unlink: [`s-${n}`] }));
      for (const plan of plans) await spool.write(plan);
      await spool.close();
      expect(spool.count).toBe(3);
      const read = [];
      for await (const plan of spool.read()) read.push(plan);
      expect(read).toEqual(plans);
      spool.remove();
      expect(readdirSync(scratch)).toEqual([]);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
    expect(existsSync(scratch)).toBe(false);
  });
});
