import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { buildSync } from 'esbuild';

/*
 * The `tradegraph` command as the tests start it in child processes. Through tsx, each start
 * compiled the sources again: about 2.2 s of CPU for `--help`, against 1.1 s for compiled
 * JavaScript, and the suite starts some fifty. The global setup compiles `src/` once per run with
 * esbuild (the compiler tsx itself uses, so the same output; about a second), into a folder of its
 * own under var/ laid out as `src/` is, so `projectRoot()` and the import's check workers find
 * their files as they do from `dist/`. Without it (a test file run outside jest's set-up), the
 * command runs through tsx as before.
 */

const ROOT = path.join(__dirname, '..', '..');
const BUILDS = path.join(ROOT, 'var', 'test-cli');
/** Where the global setup put this run's build (the folder holding its `src/`). */
export const TEST_CLI_VARIABLE = 'TRADEGRAPH_TEST_CLI';

function sources(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory())
      return entry.name === 'app' && directory.endsWith('explorer') ? [] : sources(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

/** Compiles src/ into var/test-cli/<pid>/src and returns the folder. */
export function buildTestCli(): string {
  const folder = path.join(BUILDS, String(process.pid));
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  buildSync({
    entryPoints: sources(path.join(ROOT, 'src')),
    outbase: ROOT,
    outdir: folder,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    tsconfig: path.join(ROOT, 'tsconfig.json'),
    sourcemap: 'inline',
    logLevel: 'error',
  });
  return folder;
}

export function removeTestCli(folder: string): void {
  rmSync(folder, { recursive: true, force: true });
}

/**
 * The node arguments that start `tradegraph` (then its own arguments): this run's compiled entry
 * point, or the sources through tsx.
 */
export function cliEntry(): string[] {
  const folder = process.env[TEST_CLI_VARIABLE];
  const built = folder ? path.join(folder, 'src', 'cli', 'main.js') : undefined;
  if (built && existsSync(built)) return [built];
  return ['--import', 'tsx', path.join(ROOT, 'src', 'cli', 'main.ts')];
}

/**
 * This process's environment for a `tradegraph` child that must see none of the run's own settings:
 * without its NEO4J_ and TRADEGRAPH_ variables, NODE_OPTIONS and DEBUG (unless named in `keep`).
 */
export function childEnvironment(keep: readonly string[] = []): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) =>
        keep.includes(name) ||
        (!/^(NEO4J_|TRADEGRAPH_)/.test(name) && !['DEBUG', 'NODE_OPTIONS'].includes(name)),
    ),
  );
}
