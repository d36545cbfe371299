import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';

/*
 * Builds and runs the development Neo4j of `neo4j/` (Neo4j Community 5.26 with its Bolt connector,
 * see neo4j/README.md): `npm run neo4j`, jest's global setup and the tests that stop a server on
 * purpose all start it through here.
 */

const ROOT = path.resolve(__dirname, '..');
const LAUNCHER_DIR = path.join(ROOT, 'neo4j');
const JAR = path.join(LAUNCHER_DIR, 'target', 'tradegraph-neo4j-launcher-1.0.0.jar');
const CLASSPATH = `${JAR}${path.delimiter}${path.join(LAUNCHER_DIR, 'target', 'lib', '*')}`;
/** Data of launched servers: var/neo4j/<name>. */
export const NEO4J_DATA_ROOT = path.join(ROOT, 'var', 'neo4j');

export interface LaunchedNeo4j {
  /** `bolt://127.0.0.1:<port>`, no credentials (auth is off). */
  readonly uri: string;
  readonly port: number;
  readonly dataDirectory: string;
  readonly pid: number;
  /** SIGTERM, then waits for the clean shutdown (SIGKILL after `graceMs`; at once when it is 0, as in a crash). */
  stop(graceMs?: number): Promise<void>;
}

export interface StartOptions {
  /** Folder under var/neo4j. */
  readonly name: string;
  /** 0: a free port. */
  readonly port?: number;
  /** Start from an empty data folder. */
  readonly fresh?: boolean;
  /** Neo4j's page cache (`NEO4J_PAGECACHE`), `64m` unless given. */
  readonly pageCache?: string;
  /** The JVM heap ceiling, `-Xmx`. */
  readonly heap?: string;
  /**
   * More JVM options (then `TRADEGRAPH_NEO4J_JAVA_OPTS`, space-separated, for trying others). The
   * tests' servers run the C1 compiler only: they live minutes, and C2's compiling cost more CPU
   * than its faster code saved (test/README.md).
   */
  readonly javaOptions?: readonly string[];
  /** More Neo4j settings, by their neo4j.conf names (the launcher's `NEO4J_SETTINGS`). */
  readonly settings?: Readonly<Record<string, string>>;
  /** How long to wait for the NEO4J_URI line (default: `TRADEGRAPH_NEO4J_START_TIMEOUT_MS`, else 5 min). */
  readonly timeoutMs?: number;
  /** Where the launcher's stderr goes besides the kept tail: `inherit` shows it live. */
  readonly stderr?: 'tail' | 'inherit';
}

function onPath(command: string): boolean {
  const found = spawnSync(command, ['-version'], { stdio: 'ignore' });
  return found.error === undefined;
}

/** Why the launcher cannot run here (Java or Maven missing), or null when it can. */
export function launcherUnavailableReason(): string | null {
  if (!onPath('java')) return 'java is not on PATH (Java 17 or newer runs the Neo4j launcher)';
  if (!existsSync(JAR) && !onPath('mvn')) return 'mvn is not on PATH (Maven builds the Neo4j launcher)';
  return null;
}

function newestMtime(target: string): number {
  const info = statSync(target);
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const entry of readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

/** Whether the jar is missing or older than pom.xml or the Java source. */
export function launcherStale(): boolean {
  if (!existsSync(JAR) || !existsSync(path.join(LAUNCHER_DIR, 'target', 'lib'))) return true;
  const built = statSync(JAR).mtimeMs;
  return (
    newestMtime(path.join(LAUNCHER_DIR, 'pom.xml')) > built ||
    newestMtime(path.join(LAUNCHER_DIR, 'src')) > built
  );
}

/** Runs `mvn package` in neo4j/ when the jar is missing or stale; throws with Maven's output on failure. */
export function ensureLauncherBuilt(log: (line: string) => void = () => undefined): void {
  if (!launcherStale()) return;
  log('building the Neo4j launcher (mvn package in neo4j/)…');
  const started = Date.now();
  const build = spawnSync('mvn', ['-q', '-B', 'package', '-DskipTests'], {
    cwd: LAUNCHER_DIR,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (build.error !== undefined || build.status !== 0) {
    const output = `${build.stdout ?? ''}${build.stderr ?? ''}`.trim().split('\n').slice(-30).join('\n');
    throw new Error(
      `building the Neo4j launcher failed (cd neo4j && mvn -B package -DskipTests): ${
        build.error?.message ?? `exit ${String(build.status)}`
      }\n${output}`,
    );
  }
  log(`built the Neo4j launcher in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/**
 * Starts Neo4j with data under var/neo4j/<name> and resolves once it prints its NEO4J_URI line.
 * Fails with the launcher's stderr tail when it exits first or does not answer within `timeoutMs`.
 */
export async function startNeo4j(options: StartOptions): Promise<LaunchedNeo4j> {
  if (!/^[A-Za-z0-9._-]+$/.test(options.name)) throw new Error(`bad Neo4j data name "${options.name}"`);
  const dataDirectory = path.join(NEO4J_DATA_ROOT, options.name);
  if (options.fresh) rmSync(dataDirectory, { recursive: true, force: true });
  mkdirSync(dataDirectory, { recursive: true });
  // About 20 s on a quiet two-core machine; a CI run on a machine busy with other jobs once took
  // more than 2 min to start two of them at once.
  const timeoutMs = options.timeoutMs ?? (Number(process.env.TRADEGRAPH_NEO4J_START_TIMEOUT_MS) || 300_000);
  const child = spawn(
    'java',
    [
      `-Xmx${options.heap ?? '768m'}`,
      '-XX:+UseSerialGC',
      ...(options.javaOptions ?? []),
      ...(process.env.TRADEGRAPH_NEO4J_JAVA_OPTS ?? '').split(' ').filter(Boolean),
      '-cp',
      CLASSPATH,
      'tradegraph.Neo4jLauncher',
      dataDirectory,
      String(options.port ?? 0),
    ],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        NEO4J_PAGECACHE: options.pageCache ?? '64m',
        // The server stops when this process's end of its stdin closes, which the kernel does
        // however this process ends (SIGKILL included): no orphaned Neo4j after a killed run.
        NEO4J_STOP_WITH_PARENT: '1',
        NEO4J_SETTINGS: Object.entries(options.settings ?? {})
          .map(([name, value]) => `${name}=${value}`)
          .join(';'),
      },
      stdio: ['pipe', 'pipe', options.stderr === 'inherit' ? 'inherit' : 'pipe'],
    },
  );
  const tail: string[] = [];
  child.stderr?.on('data', (chunk: Buffer) => {
    tail.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    if (tail.length > 40) tail.splice(0, tail.length - 40);
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const uri = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    const onError = (error: Error): void => fail(`could not start: ${error.message}`);
    const onExit = (code: number | null, signal: NodeJS.Signals | null): void =>
      fail(`exited (${signal ?? `code ${String(code)}`}) before it was ready`);
    const settle = (): void => {
      clearTimeout(timer);
      child.off('error', onError);
      child.off('exit', onExit);
    };
    const fail = (why: string): void => {
      settle();
      lines.close();
      child.kill('SIGKILL');
      reject(
        new Error(`Neo4j launcher (data ${dataDirectory}) ${why}; its stderr ends:\n${tail.join('\n')}`),
      );
    };
    const timer = setTimeout(() => fail(`printed no NEO4J_URI within ${timeoutMs} ms`), timeoutMs);
    child.once('error', onError);
    child.once('exit', onExit);
    lines.on('line', (line) => {
      const match = /^NEO4J_URI=(bolt:\/\/\S+)$/.exec(line.trim());
      if (!match) return;
      settle();
      resolve(match[1]!);
    });
  });

  let stopping: Promise<void> | undefined;
  return {
    uri,
    port: Number(new URL(uri.replace(/^bolt:/, 'http:')).port),
    dataDirectory,
    pid: child.pid!,
    stop: (graceMs = 30_000) => {
      stopping ??= stopChild(child, exited, graceMs);
      return stopping;
    },
  };
}

async function stopChild(
  child: ChildProcess,
  exited: Promise<number | null>,
  graceMs: number,
): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  if (graceMs <= 0) {
    child.kill('SIGKILL');
    await exited;
    return;
  }
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}
