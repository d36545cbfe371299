/**
 * The data a benchmark scale runs on: files made by the generator (`src/generate`), cached per
 * scale, seed and generator source under `var/bench-cache/`, or the curated dataset alone
 * (`--scale curated`, to try the harness quickly).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { generateDataset } from '../../src/generate/index';
import { projectPath } from '../../src/paths';

export type BenchScale = 'S' | 'M' | 'L' | 'curated';

/** Ids the fixed operations use (the generator's GenerateProbes). */
export interface Probes {
  readonly company: string;
  readonly searchText: string;
  readonly association: string;
  readonly destination: string;
  readonly period: string;
  readonly timeSeriesSubject: string;
  readonly timeSeriesMetric: string;
  readonly timeSeriesFrom: string;
  readonly timeSeriesTo: string;
  readonly pathFrom: string;
  readonly pathTo: string;
}

export interface BenchDataset {
  readonly scale: BenchScale;
  readonly seed: number;
  /** Files to import on top of the curated dataset (none for `curated`). */
  readonly files: readonly string[];
  /** Statistics in the generated files. */
  readonly statistics: number;
  readonly bytes: number;
  readonly probes: Probes;
  /** Seconds the generator took (0 when the files came from the cache). */
  readonly generateSeconds: number;
  readonly cached: boolean;
  /** Key of the generator's source the files were made with. */
  readonly generatorHash: string;
}

/** Probes into the curated dataset (`data/`): what bench/load.ts asks about. */
export const CURATED_PROBES: Probes = {
  company: 'freightliner',
  searchText: 'asociacion nacional',
  association: 'anpact',
  destination: 'US',
  period: '2026-01',
  timeSeriesSubject: 'MX',
  timeSeriesMetric: 'exports',
  timeSeriesFrom: '2025-01',
  timeSeriesTo: '2025-12',
  pathFrom: 'daimay',
  pathTo: 'usmca',
};

interface GenerateSummaryLike {
  readonly files: readonly string[];
  readonly statistics: number;
  readonly bytes: number;
  readonly probes: Probes;
}

/** A short hash of the generator's source files: a changed generator makes fresh files. */
function generatorHash(): string {
  const directory = projectPath('src', 'generate');
  if (!existsSync(directory)) return 'none';
  const hash = createHash('sha256');
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith('.ts')) hash.update(name).update(readFileSync(full));
    }
  };
  walk(directory);
  return hash.digest('hex').slice(0, 10);
}

export function cacheDirectory(): string {
  return projectPath('var', 'bench-cache');
}

/** The generated files of a scale and seed, from the cache when they are there. */
export async function datasetFor(
  scale: BenchScale,
  seed: number,
  log: (line: string) => void,
): Promise<BenchDataset> {
  if (scale === 'curated') {
    return {
      scale,
      seed,
      files: [],
      statistics: 0,
      bytes: 0,
      probes: CURATED_PROBES,
      generateSeconds: 0,
      cached: true,
      generatorHash: 'curated',
    };
  }
  const key = generatorHash();
  const outDir = path.join(cacheDirectory(), `${scale}-${seed}-${key}`);
  const summaryFile = path.join(outDir, 'bench-summary.json');
  if (existsSync(summaryFile)) {
    const summary = JSON.parse(readFileSync(summaryFile, 'utf8')) as GenerateSummaryLike;
    if (summary.files.every((file) => existsSync(file))) {
      log(`scale ${scale}: generated files from the cache (${outDir})`);
      return { ...pick(summary), scale, seed, generateSeconds: 0, cached: true, generatorHash: key };
    }
  }
  // Files of an older generator for the same scale and seed are of no more use.
  if (existsSync(cacheDirectory())) {
    for (const stale of readdirSync(cacheDirectory()).filter((name) =>
      name.startsWith(`${scale}-${seed}-`),
    )) {
      rmSync(path.join(cacheDirectory(), stale), { recursive: true, force: true });
    }
  }
  mkdirSync(outDir, { recursive: true });
  log(`scale ${scale}: generating (seed ${seed}) into ${outDir}`);
  const started = process.hrtime.bigint();
  let lastReport = 0;
  const summary = await generateDataset({
    scale,
    seed,
    outDir,
    onProgress: (p) => {
      const now = Date.now();
      if (now - lastReport < 5000) return;
      lastReport = now;
      log(`  generated ${p.statistics.toLocaleString('en')} of ${p.totalStatistics.toLocaleString('en')}`);
    },
  });
  const generateSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  writeFileSync(summaryFile, `${JSON.stringify(pick(summary), null, 2)}\n`);
  return { ...pick(summary), scale, seed, generateSeconds, cached: false, generatorHash: key };
}

function pick(summary: GenerateSummaryLike): GenerateSummaryLike {
  const files = summary.files.map((file) => path.resolve(file));
  return { files, statistics: summary.statistics, bytes: summary.bytes, probes: summary.probes };
}
