/**
 * `npm run bench:crash [-- --scale M --kills 24 --seed 1 --bulk-mb 0 --check counts]`
 *
 * Generates a graph at the scale, joins it into one JSON Lines file, and imports it into a copy of
 * a database holding the curated dataset with `tradegraph import` in a child process, once to
 * the end (the reference: the after state, and when each phase starts), then once per kill point,
 * killed with SIGKILL there. After each kill a new process opens the database, as a restart
 * does, and reads its state: the graph checksum (`--check checksum`, the default at S) or the
 * node and relationship counts by kind and type (`--check counts`, the default at M and L, where
 * the full checksum takes minutes per restart). Each restart is counted before, after, neither
 * or unopenable. Writes bench/results/crash-<date>-<scale>.json and prints a summary.
 */
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isScale, type Scale } from '../src/generate/index';
import {
  prepareInput,
  reference,
  seedDatabase,
  spreadPoints,
  torture,
  type KillResult,
  type Outcome,
} from './crash/torture';

function argument(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? (process.argv[index + 1] ?? fallback) : fallback;
}

async function main(): Promise<void> {
  const scaleText = argument('scale', 'M').toUpperCase();
  if (!isScale(scaleText)) throw new Error('--scale: give S, M or L');
  const scale: Scale = scaleText;
  const kills = Number(argument('kills', '24'));
  const seed = Number(argument('seed', '1'));
  const bulkMb = argument('bulk-mb', '0');
  const mode = argument('check', scale === 'S' ? 'checksum' : 'counts') as 'checksum' | 'counts';
  const work = mkdtempSync(path.join(os.tmpdir(), `tradegraph-crash-${scale}-`));
  const started = Date.now();
  try {
    process.stdout.write(`generating scale ${scale} (seed ${seed})…\n`);
    const input = await prepareInput(work, scale, seed);
    const seedDb = path.join(work, 'seed.db');
    await seedDatabase(seedDb);
    const env = { TRADEGRAPH_BULK_IMPORT_MB: bulkMb };
    const options = { directory: work, input, points: [], mode, env };
    process.stdout.write('reference import (to the end)…\n');
    const ref = await reference(options, seedDb);
    process.stdout.write(
      `reference: ${(ref.run.ms / 1000).toFixed(1)} s (writing from ${(ref.writingAtMs / 1000).toFixed(1)} s, ` +
        `committing from ${(ref.committingAtMs / 1000).toFixed(1)} s); before ${ref.before.nodes} nodes/` +
        `${ref.before.relationships} relationships, after ${ref.after.nodes}/${ref.after.relationships}\n`,
    );
    const points = spreadPoints(ref, kills);
    const results = await torture(
      {
        ...options,
        points,
        onKill: (result, index) => process.stdout.write(`${describeKill(result, index)}\n`),
      },
      seedDb,
      ref,
    );
    const counts: Record<Outcome, number> = { before: 0, after: 0, neither: 0, unopenable: 0 };
    for (const result of results) counts[result.outcome] += 1;
    const summary = {
      date: new Date().toISOString(),
      machine: `${os.cpus().length} vCPU ${os.cpus()[0]?.model ?? ''}, ${Math.round(os.totalmem() / 1024 ** 3)} GiB, ${os.type()} ${os.release()}, Node ${process.version}`,
      scale,
      seed,
      check: mode,
      bulkImportMb: Number(bulkMb),
      inputBytes: statSync(input).size,
      reference: {
        seconds: ref.run.ms / 1000,
        writingAt: ref.writingAtMs / 1000,
        committingAt: ref.committingAtMs / 1000,
        before: ref.before,
        after: ref.after,
      },
      kills: results.length,
      counts,
      finishedBeforeKill: results.filter((r) => r.finished).length,
      results,
      seconds: (Date.now() - started) / 1000,
    };
    const resultsDirectory = path.join(__dirname, 'results');
    mkdirSync(resultsDirectory, { recursive: true });
    const file = path.join(resultsDirectory, `crash-${summary.date.slice(0, 10)}-${scale}.json`);
    writeFileSync(file, `${JSON.stringify(summary, null, 2)}\n`);
    process.stdout.write(
      `\n${results.length} kills: ${counts.before} before, ${counts.after} after, ${counts.neither} neither, ` +
        `${counts.unopenable} unopenable (${summary.finishedBeforeKill} finished before the kill landed)\n` +
        `results: ${path.relative(process.cwd(), file)}\n`,
    );
    if (counts.neither + counts.unopenable > 0) process.exitCode = 1;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function describeKill(result: KillResult, index: number): string {
  const mib = (bytes: number): string => `${(bytes / 1024 ** 2).toFixed(1)} MiB`;
  const engine = Object.entries(result.filesAtKill)
    .filter(([name, size]) => size > 0 && !name.includes('/bulk/') && !name.includes('/scratch/'))
    .map(([name, size]) => `${name.replace(/^kill-\d+\.db/, 'db')} ${mib(size)}`);
  const staged = Object.keys(result.filesAtKill).filter((name) => /\/(bulk|scratch)\//.test(name)).length;
  return (
    `#${index + 1} ${result.point.anchor}+${result.point.offsetMs} ms (at ${(result.killedAtMs / 1000).toFixed(1)} s` +
    `${result.finished ? ', finished first' : ''}): ${result.outcome.toUpperCase()}` +
    `${result.state.keptLog ? ', unreplayable log set aside' : ''}` +
    `${result.state.removed ? `, ${result.state.removed} leftover(s) removed at open` : ''}` +
    ` | at kill: ${[...engine, `${staged} staged/scratch file(s)`].join(', ')}` +
    ` | ${result.lastLine.replace(/^import /, '').slice(0, 60)}`
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
