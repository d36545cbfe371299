import { readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/*
 * Where the workers' loaded test databases live (test/helpers/stores.ts builds them), apart from
 * that module: jest's global teardown removes them, and a global teardown is loaded by plain
 * Node resolution, without jest's module name mapping, so it cannot import anything from src/
 * (whose imports end in `.js`). Node built-ins only.
 */

export const TEMPLATES_PREFIX = 'tradegraph-test-templates-';

export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Deletes the template directories of processes that are gone (and this one's, with `own`). */
export function removeTemplateDirectories(own: boolean): void {
  for (const name of readdirSync(os.tmpdir())) {
    const pid = Number(new RegExp(`^${TEMPLATES_PREFIX}(\\d+)$`).exec(name)?.[1]);
    if (pid > 0 && ((own && pid === process.pid) || (pid !== process.pid && !processAlive(pid)))) {
      rmSync(path.join(os.tmpdir(), name), { recursive: true, force: true });
    }
  }
}
