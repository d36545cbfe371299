import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { citedQuery, FlatQueryError } from '../export/flat/cited-query.js';
import { flatCsv, flattenAnswer } from '../export/flat/flatten.js';
import { idsIn } from '../export/ids-in.js';
import { ImportError } from '../records/errors.js';
import { exportGraph, type ExportFormat } from '../export/export.js';
import type { GraphStore } from '../store/graph-store.js';
import { createTradeGraph } from '../trade-graph.js';
import { guarded, withBulkStore } from './bulk-command.js';

/**
 * `tradegraph export`: the graph, an entity's neighbourhood or the nodes a GraphQL query names, as
 * JSON Lines, CSV or GraphML; or, with `--flat`, the query's answer itself as one flat, cited CSV.
 */
export function exportCommand(program: Command): void {
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
