import { existsSync } from 'node:fs';
import path from 'node:path';

/** The package root (where package.json is), whether running from `src/` or from `dist/src/`. */
export function projectRoot(): string {
  let dir = __dirname;
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`cannot find the project root above ${__dirname}`);
    dir = parent;
  }
  return dir;
}

export const projectPath = (...parts: string[]): string => path.join(projectRoot(), ...parts);
