import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { readConfig } from '../config.js';
import { NODE_KINDS } from '../domain/kinds.js';
import { citedQuery, FlatQueryError } from '../export/flat/cited-query.js';
import { flatCsv, flattenAnswer } from '../export/flat/flatten.js';
import { idsIn } from '../export/ids-in.js';
import { ImportError } from '../records/errors.js';
import { exportGraph, type ExportFormat } from '../export/export.js';
import {
  importFiles,
  type ImportMode,
  type ImportProgress,
  type ImportSummary,
  type NodeChange,
} from '../import/import.js';
import { rollbackImport, unfinishedImports } from '../import/journal.js';
import type { GraphStore } from '../store/graph-store.js';
import { ensureDataset } from '../import/ensure-dataset.js';
import { openStore } from '../store/open-store.js';
import { createTradeGraph } from '../trade-graph.js';

/**
 * Opens the configured store for bulk work: like every command, a store that never held the
 * curated dataset gets it first; statements run without the query timeout, since a bulk load and
 * its commit can take longer than any query.
 */
async function withBulkStore<T>(work: (store: GraphStore) => Promise<T>): Promise<T> {
  const config = readConfig();
  const store = await openStore(
    config.store.engine === 'embedded'
      ? {
          ...config.store,
          queryTimeoutMs: 0,
          writeTimeoutMs: 0,
          bufferPoolBytes: config.store.bufferPoolBytes ?? bulkBufferPoolBytes(),
        }
      : { ...config.store, queryTimeoutMs: 0, writeTimeoutMs: 0 },
  );
  try {
    await ensureDataset(store, config.dataDirectory);
    return await work(store);
  } finally {
    await store.close();
  }
}

/**
 * The page cache a bulk command gives the embedded engine unless TRADEGRAPH_BUFFER_POOL_MB says:
 * a quarter of the machine's memory, between 1 and 16 GiB. The engine's bulk load of millions of
 * statistics needs more than the server's 1 GiB ("buffer pool is full" at 10M statistics).
 */
export function bulkBufferPoolBytes(totalBytes = os.totalmem()): number {
  const GiB = 1024 ** 3;
  return Math.min(16 * GiB, Math.max(GiB, Math.floor(totalBytes / 4 / GiB) * GiB));
}

const MiB = 1024 * 1024;

/** The numbers the reading bar's template names: every token it uses, so no frame shows `{read}`. */
export function readingPayload(
  progress: ImportProgress,
  recordsPerSecond: number,
): { read: string; size: string; records: number; rate: number } {
  return {
    read: (progress.bytesRead / MiB).toFixed(1),
    size: (progress.totalBytes / MiB).toFixed(1),
    records: progress.records,
    rate: recordsPerSecond,
  };
}

/** The reading bar's template (cli-progress tokens). */
export const READING_FORMAT =
  'import |{bar}| {percentage}% | {read}/{size} MiB | {records} records | {rate} records/s | ETA {eta_formatted}';

/**
 * Shows import progress on stderr: a bar with rate and ETA on a terminal, a plain line every
 * second or so otherwise (logs, CI, a parent process reading it).
 */
export function progressReporter(stream: NodeJS.WriteStream = process.stderr): {
  update: (progress: ImportProgress) => void;
  stop: () => void;
} {
  const started = Date.now();
  const rate = (records: number): number =>
    Math.round(records / Math.max((Date.now() - started) / 1000, 0.001));
  if (stream.isTTY) {
    let bar: SingleBar | null = null;
    let phase: ImportProgress['phase'] | null = null;
    return {
      update: (progress) => {
        if (progress.phase !== phase) {
          bar?.stop();
          bar = null;
          phase = progress.phase;
          if (phase === 'committing' || phase === 'rolling back') stream.write(`${phase}…\n`);
        }
        if (phase === 'reading') {
          bar ??= new SingleBar(
            {
              format: READING_FORMAT,
              stream: stream,
              etaBuffer: 20,
            },
            undefined,
          );
          const payload = readingPayload(progress, rate(progress.records));
          // Started with its numbers, so even the first frame shows them rather than the template.
          if (!bar.isActive) bar.start(progress.totalBytes, progress.bytesRead, payload);
          else bar.update(progress.bytesRead, payload);
        } else if (phase === 'writing' && progress.batches) {
          bar ??= new SingleBar(
            {
              format: 'write  |{bar}| {value}/{total} batches | ETA {eta_formatted}',
              stream: stream,
            },
            undefined,
          );
          if (!bar.isActive) bar.start(progress.batches.total, progress.batches.done);
          else bar.update(progress.batches.done);
        }
      },
      stop: () => bar?.stop(),
    };
  }
  let last = 0;
  return {
    update: (progress) => {
      const now = Date.now();
      const change = progress.phase !== 'reading' && progress.phase !== 'writing';
      // Writing steps are few (a batch, or one bulk load each): each gets a line while they stay few.
      const step = progress.phase === 'writing' && (progress.batches?.total ?? 0) <= 100;
      if (!change && !step && now - last < 1000 && last !== 0) return;
      last = now;
      const percent =
        progress.totalBytes > 0 ? Math.floor((100 * progress.bytesRead) / progress.totalBytes) : 100;
      const speed = rate(progress.records);
      const eta =
        progress.bytesRead > 0
          ? Math.round(((now - started) / 1000) * (progress.totalBytes / progress.bytesRead - 1))
          : 0;
      const batches = progress.batches ? `, batch ${progress.batches.done}/${progress.batches.total}` : '';
      process.stderr.write(
        `import ${progress.phase}: ${percent}% read, ${progress.records} records, ${speed} records/s, ETA ${eta}s${batches}\n`,
      );
    },
    stop: () => undefined,
  };
}

const shown = (value: unknown): string => {
  if (value === null || value === undefined) return '(none)';
  if (Array.isArray(value)) return value.length === 0 ? '[]' : `[${value.map(String).join(', ')}]`;
  return JSON.stringify(value);
};

/** `kind id` then one line per field: `field: before → after`, marked when it removes or replaces. */
export function describeChanges(changes: readonly NodeChange[]): string[] {
  const lines: string[] = [];
  for (const change of changes) {
    lines.push(`  ${change.kind} ${change.id}`);
    for (const field of change.fields) {
      lines.push(
        `    ${field.overwrites ? 'OVERWRITES ' : ''}${field.field}: ${shown(field.before)} → ${shown(field.after)}`,
      );
    }
  }
  return lines;
}

function printSummary(summary: ImportSummary): void {
  const lines: string[] = [];
  const verb = summary.dryRun ? 'would be' : 'were';
  lines.push(
    `${summary.dryRun ? 'dry run: nothing was written. ' : ''}import ${summary.importId} (${summary.mode}): ` +
      `${summary.records} records from ${summary.files.length} file(s) in ${summary.seconds.toFixed(1)} s`,
  );
  lines.push(
    `${'kind'.padEnd(14)}${'created'.padStart(10)}${'updated'.padStart(10)}${'unchanged'.padStart(11)}`,
  );
  const row = (name: string, t: { created: number; updated: number; unchanged: number }): string =>
    `${name.padEnd(14)}${String(t.created).padStart(10)}${String(t.updated).padStart(10)}${String(t.unchanged).padStart(11)}`;
  for (const kind of NODE_KINDS) {
    const t = summary.nodes[kind];
    if (t.created + t.updated + t.unchanged > 0) lines.push(row(kind, t));
  }
  lines.push(row('relationships', summary.relationships));
  if (summary.duplicates > 0)
    lines.push(`${summary.duplicates} exact repeat(s) of earlier records ${verb} written once`);
  for (const skip of summary.skipped) lines.push(`skipped ${skip.rows} Comtrade row(s): ${skip.reason}`);
  if (summary.changeCount > 0) {
    lines.push(
      `${summary.changeCount} node(s) ${summary.dryRun ? 'would change' : 'changed'}, field by field` +
        (summary.overwrites > 0
          ? ` (${summary.overwrites} change(s) marked OVERWRITES remove or replace a stored value)`
          : ' (only additions)') +
        ':',
    );
    lines.push(...describeChanges(summary.changes));
    if (summary.changeCount > summary.changes.length) {
      lines.push(`… and ${summary.changeCount - summary.changes.length} more (--json lists the first 1000)`);
    }
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

/** Reports an ImportError as a plain message (exit code 1); anything else goes up to main. */
function guarded<A extends unknown[]>(action: (...args: A) => Promise<void>): (...args: A) => Promise<void> {
  return async (...args: A) => {
    try {
      await action(...args);
    } catch (error) {
      if (!(error instanceof ImportError)) throw error;
      process.stderr.write(`${error.message}\n`);
      process.exitCode = 1;
    }
  };
}

/** `tradegraph import` and `tradegraph export`. */
export function importExportCommands(program: Command): void {
  program
    .command('import')
    .description(
      'import files (CSV or JSON Lines in the data/ format, UN Comtrade CSV): all of it or nothing',
    )
    .argument('[files...]', 'files or directories to import')
    .option('--dry-run', 'check everything and report what would change, field by field, writing nothing')
    .option(
      '--replace-entities',
      'a record states the whole entity: fields it leaves out are cleared, its lists replace the stored ones (default: only the fields given change, lists are merged)',
    )
    .option('--journal', 'write in journaled batches, as on Neo4j (default there; embedded: one transaction)')
    .option('--batch-size <records>', 'records checked and written together', (text) =>
      Number.parseInt(text, 10),
    )
    .option('--comtrade-url <url>', 'the URL the Source of each Comtrade file cites')
    .option(
      '--comtrade-published <date>',
      'when the Comtrade data was downloaded (YYYY, YYYY-MM, YYYY-MM-DD)',
    )
    .option('--rollback <importId>', 'undo an interrupted journaled import')
    .option('--pending', 'list journaled imports that did not finish')
    .action(
      guarded(
        async (
          files: string[],
          options: {
            dryRun?: boolean;
            replaceEntities?: boolean;
            journal?: boolean;
            batchSize?: number;
            comtradeUrl?: string;
            comtradePublished?: string;
            rollback?: string;
            pending?: boolean;
          },
          command: Command,
        ) => {
          const json = Boolean((command.optsWithGlobals() as { json?: boolean }).json);
          await withBulkStore(async (store) => {
            if (options.rollback) {
              const batches = await rollbackImport(store, options.rollback);
              process.stdout.write(`rolled back import ${options.rollback}: ${batches} batch(es) undone\n`);
              return;
            }
            if (options.pending) {
              const pending = await unfinishedImports(store);
              if (json) process.stdout.write(`${JSON.stringify(pending, null, 2)}\n`);
              for (const each of pending) {
                process.stdout.write(
                  `${each.importId}\t${each.state}\t${each.batches} batch(es)\tstarted ${each.started}\t${each.files.join(', ')}\n`,
                );
              }
              return;
            }
            if (files.length === 0) throw new ImportError('name at least one file or directory to import');
            const reporter = progressReporter();
            const mode: ImportMode | undefined = options.journal ? 'journal' : undefined;
            let summary: ImportSummary;
            try {
              summary = await importFiles(store, files, {
                dryRun: options.dryRun ?? false,
                replaceEntities: options.replaceEntities ?? false,
                bulkAboveBytes: readConfig().bulkImportBytes,
                ...(mode ? { mode } : {}),
                ...(options.batchSize ? { batchSize: options.batchSize } : {}),
                comtrade: {
                  ...(options.comtradeUrl ? { url: options.comtradeUrl } : {}),
                  ...(options.comtradePublished ? { published: options.comtradePublished } : {}),
                },
                onProgress: reporter.update,
              });
            } finally {
              reporter.stop();
            }
            if (json) process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
            else printSummary(summary);
          });
        },
      ),
    );

  program
    .command('export')
    .description(
      'export the graph, an entity and its neighbourhood, or what a GraphQL query answers, with the sources cited',
    )
    .option('--format <format>', 'jsonl, csv or graphml (not with --flat)')
    .option('--out <path>', 'file to write (jsonl, graphml; default: standard output) or directory (csv)')
    .option('--root <id>', 'export only this entity and its neighbourhood')
    .option('--depth <steps>', 'steps from the root over relationships (default 1)', (text) =>
      Number.parseInt(text, 10),
    )
    .option('--query <file>', "export the nodes a GraphQL query's answer names (every `id` in it)")
    .option('--variables <json>', 'variables for --query, as a JSON object')
    .option(
      '--flat',
      "with --query: the query's answer itself as one flat, cited CSV (as GET /export.csv gives it)",
    )
    .action(
      guarded(
        async (options: {
          format?: string;
          flat?: boolean;
          out?: string;
          root?: string;
          depth?: number;
          query?: string;
          variables?: string;
        }) => {
          if (options.flat) {
            if (options.query === undefined) throw new ImportError('--flat goes with --query <file>');
            if (options.format !== undefined || options.root !== undefined) {
              throw new ImportError('--flat writes CSV of the query answer: leave out --format and --root');
            }
            const query = readQuery(options.query);
            const variables = options.variables === undefined ? undefined : parseVariables(options.variables);
            await withBulkStore((store) => exportFlat(store, query, variables, options.out));
            return;
          }
          if (options.format === undefined) {
            throw new ImportError('give --format jsonl, csv or graphml (or --flat with --query)');
          }
          if (!['jsonl', 'csv', 'graphml'].includes(options.format)) {
            throw new ImportError(`--format must be jsonl, csv or graphml, not "${options.format}"`);
          }
          const format = options.format as ExportFormat;
          if (format === 'csv' && !options.out) throw new ImportError('a CSV export needs --out <directory>');
          if (options.depth !== undefined && (!Number.isInteger(options.depth) || options.depth < 0)) {
            throw new ImportError('--depth must be a whole number of steps');
          }
          if (options.query !== undefined && options.root !== undefined) {
            throw new ImportError('give --root or --query, not both');
          }
          if (options.variables !== undefined && options.query === undefined) {
            throw new ImportError('--variables goes with --query');
          }
          const query = options.query === undefined ? undefined : readQuery(options.query);
          const variables = options.variables === undefined ? undefined : parseVariables(options.variables);
          await withBulkStore(async (store) => {
            const ids = query === undefined ? undefined : await idsAnswered(store, query, variables);
            const summary = await exportGraph(store, options.out ?? process.stdout, {
              format,
              ...(options.root ? { root: options.root } : {}),
              ...(options.depth !== undefined ? { depth: options.depth } : {}),
              ...(ids ? { ids } : {}),
            });
            const nodes = Object.values(summary.nodes).reduce((sum, n) => sum + n, 0);
            process.stderr.write(
              `exported ${nodes} nodes and ${summary.relationships} relationships${options.out ? ` to ${options.out}` : ''}\n`,
            );
          });
        },
      ),
    );
}

/**
 * `export --query file --flat`: runs the query in-process (same limits as the API, queries only,
 * sources added as GET /export.csv adds them) and writes its answer as one flat, cited CSV.
 */
async function exportFlat(
  store: GraphStore,
  query: string,
  variables: Record<string, unknown> | undefined,
  out: string | undefined,
): Promise<void> {
  const graph = await createTradeGraph({ store });
  let cited: string;
  try {
    cited = citedQuery(graph.schema, query, graph.limits.maxTokens);
  } catch (error) {
    if (error instanceof FlatQueryError) throw new ImportError(error.message);
    throw error;
  }
  const result = await graph.execute(cited, variables);
  if (result.errors?.length) {
    throw new ImportError(`the query failed: ${result.errors.map((error) => error.message).join('; ')}`);
  }
  const table = flattenAnswer(result.data);
  const csv = flatCsv(table);
  if (out === undefined) process.stdout.write(csv);
  else {
    // Appears under its name only when complete.
    writeFileSync(`${out}.partial`, csv);
    renameSync(`${out}.partial`, out);
  }
  process.stderr.write(`exported ${table.rows.length} rows${out ? ` to ${out}` : ''}\n`);
}

function readQuery(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new ImportError(
      `cannot read the query file ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
    );
  }
}

function parseVariables(text: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new ImportError(
      `--variables is not JSON: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new ImportError('--variables must be a JSON object, e.g. {"id": "anpact"}');
  }
  return parsed as Record<string, unknown>;
}

export { idsIn } from '../export/ids-in.js';

/** Runs the query in-process (same limits as the API) and returns the ids its answer names. */
async function idsAnswered(
  store: GraphStore,
  query: string,
  variables: Record<string, unknown> | undefined,
): Promise<string[]> {
  const graph = await createTradeGraph({ store });
  const result = await graph.execute(query, variables);
  if (result.errors?.length) {
    throw new ImportError(`the query failed: ${result.errors.map((error) => error.message).join('; ')}`);
  }
  const ids = [...idsIn(result.data)];
  if (ids.length === 0)
    throw new ImportError('the query answered no `id`: select `id` on the nodes to export');
  return ids;
}
