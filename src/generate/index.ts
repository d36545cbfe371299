import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadDataset } from '../import/dataset.js';
import { JsonLinesFile } from './jsonl.js';
import { countStatistics, statisticsOf } from './statistics.js';
import type { WorldProbes, WorldSizes } from './model.js';
import { buildWorld } from './world.js';

/**
 * `tradegraph generate`: a synthetic trade graph shaped like the real one, written in the
 * project's own import format (one JSON Lines file per kind). See docs/generator.md.
 */

export type Scale = 'S' | 'M' | 'L';

export type ScaleSizes = WorldSizes;

export interface GenerateOptions {
  scale: Scale;
  seed: number;
  outDir: string;
  onProgress?: (p: { statistics: number; totalStatistics: number }) => void;
  /** Overrides of the scale's sizes (tests use tiny graphs). */
  sizes?: Partial<ScaleSizes>;
  /** The curated dataset whose records are never written again (default: `data/`). */
  dataDirectory?: string;
}

/** Ids the benchmark's fixed operations use; all exist in the generated data. */
/** Ids the benchmark's fixed operations use; all exist in the generated data (see WorldProbes). */
export type GenerateProbes = WorldProbes;

export interface GenerateSummary {
  scale: Scale;
  seed: number;
  /** The files written, in import order. */
  files: string[];
  /** Records written per kind: node kinds (`Company`, `Statistic`, …) and `Relationship`. */
  counts: Record<string, number>;
  statistics: number;
  /** Bytes written, all files together. */
  bytes: number;
  probes: GenerateProbes;
}

/** The sizes of each scale: statistics (about) and entity counts. */
export const SCALES: Record<Scale, ScaleSizes> = {
  S: {
    statistics: 10_000,
    companies: 200,
    associations: 8,
    plants: 120,
    people: 300,
    policies: 20,
    agencies: 6,
    chapters: 12,
    headingsPerChapter: 4,
    subheadingsPerHeading: 3,
    regionCountries: 6,
    regionsPerCountry: 6,
    probeMembers: 25,
  },
  M: {
    statistics: 1_000_000,
    companies: 5_000,
    associations: 60,
    plants: 3_000,
    people: 8_000,
    policies: 80,
    agencies: 20,
    chapters: 30,
    headingsPerChapter: 8,
    subheadingsPerHeading: 4,
    regionCountries: 8,
    regionsPerCountry: 16,
    probeMembers: 60,
  },
  L: {
    statistics: 10_000_000,
    companies: 20_000,
    associations: 200,
    plants: 12_000,
    people: 30_000,
    policies: 200,
    agencies: 40,
    chapters: 42,
    headingsPerChapter: 12,
    subheadingsPerHeading: 5,
    regionCountries: 8,
    regionsPerCountry: 32,
    probeMembers: 150,
  },
};

export function isScale(value: string): value is Scale {
  return value === 'S' || value === 'M' || value === 'L';
}

/** The files, in the order the importer reads them, with the kind each holds. */
const FILES = [
  ['sources.jsonl', 'Source'],
  ['countries.jsonl', 'Country'],
  ['regions.jsonl', 'Region'],
  ['sectors.jsonl', 'Sector'],
  ['agencies.jsonl', 'Agency'],
  ['associations.jsonl', 'Association'],
  ['companies.jsonl', 'Company'],
  ['plants.jsonl', 'Plant'],
  ['policies.jsonl', 'Policy'],
  ['people.jsonl', 'Person'],
  ['relationships.jsonl', 'Relationship'],
  ['statistics.jsonl', 'Statistic'],
] as const;

const PROGRESS_EVERY = 20_000;

/**
 * Generates a dataset into `outDir` (created if needed; files of the same names are replaced) and
 * writes its summary to `outDir/probes.json`. The same seed and sizes give byte-identical files.
 * The files refer to the curated dataset's countries by id, so they import into a store that
 * holds the curated dataset (as every `tradegraph` command ensures).
 */
export async function generateDataset(options: GenerateOptions): Promise<GenerateSummary> {
  if (!isScale(options.scale)) throw new RangeError(`scale must be S, M or L (got ${String(options.scale)})`);
  if (!Number.isSafeInteger(options.seed))
    throw new RangeError(`seed must be an integer (got ${options.seed})`);
  const sizes: ScaleSizes = { ...SCALES[options.scale], ...options.sizes };
  const curated = loadDataset(options.dataDirectory);
  const curatedIds = new Set<string>();
  for (const rows of curated.nodes.values()) {
    for (const row of rows) if (typeof row.id === 'string') curatedIds.add(row.id);
  }
  const world = buildWorld(options.seed, sizes, curatedIds);
  const totalStatistics = countStatistics(world.subjects, world.associationSeries);

  mkdirSync(options.outDir, { recursive: true });
  const files: string[] = [];
  const counts: Record<string, number> = {};
  const recordsOf: Record<string, readonly object[]> = {
    Source: world.records.sources,
    Country: world.records.countries,
    Region: world.records.regions,
    Sector: world.records.sectors,
    Agency: world.records.agencies,
    Association: world.records.associations,
    Company: world.records.companies,
    Plant: world.records.plants,
    Policy: world.records.policies,
    Person: world.records.people,
    Relationship: world.claims,
  };
  let statistics = 0;
  for (const [name, kind] of FILES) {
    const file = new JsonLinesFile(path.resolve(options.outDir, name));
    if (kind === 'Statistic') {
      options.onProgress?.({ statistics: 0, totalStatistics });
      for (const statistic of statisticsOf(options.seed, world.subjects, world.associationSeries)) {
        if (file.add(statistic)) await file.flush();
        statistics += 1;
        if (statistics % PROGRESS_EVERY === 0) options.onProgress?.({ statistics, totalStatistics });
      }
      options.onProgress?.({ statistics, totalStatistics });
    } else {
      await file.addAll(recordsOf[kind] ?? []);
    }
    await file.close();
    files.push(file.path);
    counts[kind] = file.records;
  }
  const bytes = files.reduce((sum, file) => sum + statSync(file).size, 0);
  const summary: GenerateSummary = {
    scale: options.scale,
    seed: options.seed,
    files,
    counts,
    statistics,
    bytes,
    probes: world.probes,
  };
  writeFileSync(path.join(options.outDir, 'probes.json'), `${JSON.stringify(summary, null, 2)}\n`);
  return summary;
}
