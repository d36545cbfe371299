/**
 * The crash torture: an import run in a child process and killed with SIGKILL at chosen moments,
 * each kill followed by a restart (a new process opening the database) that must open and show
 * the graph as it was before the import or as it is after it. Used by `npm run bench:crash`
 * (bench/crash.ts) and, small, by test/import/import-crash.test.ts.
 */
import { spawn } from 'node:child_process';
import {
  appendFileSync,
  copyFileSync,
  existsSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
} from 'node:fs';
import path from 'node:path';
import { generateDataset, type Scale, type ScaleSizes } from '../../src/generate/index';
import { readState, type GraphState } from './state-child';

const ROOT = path.join(__dirname, '..', '..');
const CLI = path.join(ROOT, 'src', 'cli', 'main.ts');

/** Record kind of each generated file, for joining them into one JSON Lines file. */
const GENERATED_FILES: readonly (readonly [string, string])[] = [
  ['countries', 'Country'],
  ['regions', 'Region'],
  ['sectors', 'Sector'],
  ['sources', 'Source'],
  ['agencies', 'Agency'],
  ['associations', 'Association'],
  ['companies', 'Company'],
  ['plants', 'Plant'],
  ['policies', 'Policy'],
  ['people', 'Person'],
  ['relationships', 'Relationship'],
  ['statistics', 'Statistic'],
];

/** Generates a graph and joins its files into one JSON Lines file, each line naming its kind. */
export async function prepareInput(
  directory: string,
  scale: Scale,
  seed: number,
  sizes?: Partial<ScaleSizes>,
): Promise<string> {
  const generated = path.join(directory, 'generated');
  await generateDataset({ scale, seed, outDir: generated, ...(sizes ? { sizes } : {}) });
  const joined = path.join(directory, 'import.jsonl');
  rmSync(joined, { force: true });
  for (const [file, kind] of GENERATED_FILES) {
    const source = path.join(generated, `${file}.jsonl`);
    if (!existsSync(source)) continue;
    const text = readFileSync(source, 'utf8');
    appendFileSync(joined, text.replace(/^\{/gm, `{"kind":"${kind}",`));
  }
  rmSync(generated, { recursive: true, force: true });
  return joined;
}

export interface ChildRun {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly ms: number;
  /** Lines the child printed (stdout and stderr), with when, in ms since it started. */
  readonly lines: readonly { readonly at: number; readonly text: string }[];
}

/** Where a kill lands: an offset from the start, or from the first line a pattern matches. */
export interface KillPoint {
  readonly anchor: 'start' | 'writing' | 'committing';
  readonly offsetMs: number;
}

const ANCHORS: Record<KillPoint['anchor'], RegExp | null> = {
  start: null,
  writing: /import writing/,
  committing: /import committing/,
};

/** Runs the CLI (`tradegraph <args>`) on a database; kills it with SIGKILL at `kill` when given. */
export function runCli(
  database: string,
  args: readonly string[],
  env: Readonly<Record<string, string>> = {},
  kill?: KillPoint,
): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    // `node --import tsx`, not the tsx command: that would run the CLI in a grandchild SIGKILL does not reach.
    const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], {
      cwd: ROOT,
      env: { ...process.env, TRADEGRAPH_DB_DIR: database, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const lines: { at: number; text: string }[] = [];
    let timer: NodeJS.Timeout | undefined;
    const arm = (): void => {
      if (!kill || timer) return;
      timer = setTimeout(() => {
        if (child.exitCode === null) child.kill('SIGKILL');
      }, kill.offsetMs);
    };
    const anchor = kill ? ANCHORS[kill.anchor] : null;
    if (kill && !anchor) arm();
    const take = (chunk: Buffer): void => {
      const at = Date.now() - started;
      for (const text of chunk.toString().split('\n')) {
        if (text.trim() === '') continue;
        lines.push({ at, text });
        if (anchor && anchor.test(text)) arm();
      }
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, ms: Date.now() - started, lines });
    });
  });
}

/** Opens the database in a new process, as a restart does, and reads its state. */
export function graphState(database: string, mode: 'checksum' | 'counts'): Promise<GraphState> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(__dirname, 'state-child.ts'), database, mode],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      const line = out.trim().split('\n').pop() ?? '';
      if (code !== 0 || !line.startsWith('{')) {
        resolve({
          opened: false,
          fingerprint: '',
          nodes: 0,
          relationships: 0,
          error: `state child exited ${code}: ${err.trim().split('\n').slice(-3).join(' / ')}`,
          removed: 0,
          keptLog: null,
          workAfterOpen: [],
          seconds: 0,
        });
        return;
      }
      resolve(JSON.parse(line) as GraphState);
    });
  });
}

/** The files beside a database (its engine files and its work directory), with their sizes. */
export function filesBeside(database: string): Record<string, number> {
  const directory = path.dirname(database);
  const base = path.basename(database);
  const found: Record<string, number> = {};
  const walk = (dir: string, prefix: string): void => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      const stats = statSync(full);
      if (stats.isDirectory()) walk(full, `${prefix}${name}/`);
      else found[`${prefix}${name}`] = stats.size;
    }
  };
  for (const name of readdirSync(directory)) {
    if (!name.startsWith(base) || name === base) continue;
    const full = path.join(directory, name);
    if (statSync(full).isDirectory()) walk(full, `${name}/`);
    else found[name] = statSync(full).size;
  }
  return found;
}

export type Outcome = 'before' | 'after' | 'neither' | 'unopenable';

export interface KillResult {
  readonly point: KillPoint;
  readonly killedAtMs: number;
  /** The import finished before the kill landed. */
  readonly finished: boolean;
  /** The last progress line before the kill. */
  readonly lastLine: string;
  readonly filesAtKill: Record<string, number>;
  readonly outcome: Outcome;
  readonly state: GraphState;
  readonly filesAfterRestart: Record<string, number>;
}

export interface TortureOptions {
  /** A directory of the run's own (the databases are made in it). */
  readonly directory: string;
  readonly input: string;
  readonly points: readonly KillPoint[];
  readonly mode: 'checksum' | 'counts';
  /** Environment of the import (e.g. TRADEGRAPH_BULK_IMPORT_MB). */
  readonly env?: Readonly<Record<string, string>>;
  /**
   * Restarts open the database in this process rather than in a new one (the test: it saves a
   * process start per kill; the killed process is gone either way).
   */
  readonly inProcess?: boolean;
  readonly onKill?: (result: KillResult, index: number) => void;
}

export interface TortureReference {
  readonly before: GraphState;
  readonly after: GraphState;
  readonly run: ChildRun;
  /** ms from the start to the first `import writing` and `import committing` lines. */
  readonly writingAtMs: number;
  readonly committingAtMs: number;
}

const firstAt = (run: ChildRun, pattern: RegExp): number =>
  run.lines.find((line) => pattern.test(line.text))?.at ?? run.ms;

/** A database holding the curated dataset (made by `tradegraph load` in a child process). */
export async function seedDatabase(
  database: string,
  env: Readonly<Record<string, string>> = {},
): Promise<void> {
  const run = await runCli(database, ['load'], env);
  if (run.code !== 0) throw new Error(`tradegraph load failed: ${run.lines.map((l) => l.text).join('\n')}`);
}

/** The before state, and one import run to its end: the after state and the phases' times. */
export async function reference(options: TortureOptions, seed: string): Promise<TortureReference> {
  const state = options.inProcess ? readState : graphState;
  const before = await state(seed, options.mode);
  const database = path.join(options.directory, 'reference.db');
  copyFileSync(seed, database);
  const run = await runCli(database, ['import', options.input], options.env);
  if (run.code !== 0)
    throw new Error(`the reference import failed: ${run.lines.map((l) => l.text).join('\n')}`);
  const after = await state(database, options.mode);
  removeDatabase(database);
  return {
    before,
    after,
    run,
    writingAtMs: firstAt(run, ANCHORS.writing as RegExp),
    committingAtMs: firstAt(run, ANCHORS.committing as RegExp),
  };
}

export function removeDatabase(database: string): void {
  for (const name of readdirSync(path.dirname(database))) {
    if (name.startsWith(path.basename(database))) {
      rmSync(path.join(path.dirname(database), name), { recursive: true, force: true });
    }
  }
}

/**
 * Kill points spread over a run whose phases start at the reference's times: a quarter over
 * reading and checking, a quarter over writing, half over committing (the commit, the
 * checkpoint and, for a bulk write, the switch), each anchored on the phase's first progress line.
 */
export function spreadPoints(ref: TortureReference, kills: number): KillPoint[] {
  const commit = Math.ceil(kills / 2);
  const writing = Math.ceil((kills - commit) / 2);
  const reading = kills - commit - writing;
  const spread = (anchor: KillPoint['anchor'], count: number, from: number, to: number): KillPoint[] =>
    Array.from({ length: count }, (_, i) => ({
      anchor,
      offsetMs: Math.round(from + ((i + 0.5) * Math.max(to - from, 1)) / count),
    }));
  return [
    ...spread('start', reading, 0, ref.writingAtMs),
    ...spread('writing', writing, 0, ref.committingAtMs - ref.writingAtMs),
    ...spread('committing', commit, 0, ref.run.ms - ref.committingAtMs),
  ];
}

/** Runs the import once per kill point, from a copy of `seed`, and classifies each restart. */
export async function torture(
  options: TortureOptions,
  seed: string,
  ref: TortureReference,
): Promise<KillResult[]> {
  const results: KillResult[] = [];
  for (const [index, point] of options.points.entries()) {
    const database = path.join(options.directory, `kill-${index}.db`);
    copyFileSync(seed, database);
    const run = await runCli(database, ['import', options.input], options.env, point);
    const filesAtKill = filesBeside(database);
    const state = await (options.inProcess ? readState : graphState)(database, options.mode);
    const outcome: Outcome = !state.opened
      ? 'unopenable'
      : state.fingerprint === ref.before.fingerprint
        ? 'before'
        : state.fingerprint === ref.after.fingerprint
          ? 'after'
          : 'neither';
    const progress = run.lines.filter((line) => /^import /.test(line.text));
    const result: KillResult = {
      point,
      killedAtMs: run.ms,
      finished: run.signal === null,
      lastLine: progress[progress.length - 1]?.text ?? '',
      filesAtKill,
      outcome,
      state,
      filesAfterRestart: filesBeside(database),
    };
    results.push(result);
    options.onKill?.(result, index);
    removeDatabase(database);
  }
  return results;
}
