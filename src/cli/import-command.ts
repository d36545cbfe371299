import type { Command } from 'commander';
import { readConfig } from '../config.js';
import { NODE_KINDS } from '../domain/kinds.js';
import { ImportError } from '../records/errors.js';
import { importFiles, type ImportMode, type ImportSummary, type NodeChange } from '../import/import.js';
import { rollbackImport, unfinishedImports } from '../import/journal.js';
import { guarded, withBulkStore } from './bulk-command.js';
import { progressReporter } from './import-progress.js';

const shown = (value: unknown): string => {
  if (value === null || value === undefined) return '(none)';
  if (Array.isArray(value)) return value.length === 0 ? '[]' : `[${value.map(String).join(', ')}]`;
  return JSON.stringify(value);
};

/** `kind id` then one line per field: `field: before → after`, marked when it removes or replaces. */
export function describeChanges(changes: readonly NodeChange[]): string[] {
  const lines: string[] = [];
  for (const change of changes) {
    const merged = change.mergedFrom === undefined ? '' : ` (merged from ${change.mergedFrom} by sameAs)`;
    lines.push(`  ${change.kind} ${change.id}${merged}`);
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
  lines.push(...describeMerges(summary.merges, summary.dryRun));
  lines.push(...describeDuplicates(summary.possibleDuplicates));
  process.stdout.write(`${lines.join('\n')}\n`);
}

/** Records merged by `sameAs`: one line each, `kind id → existing id`. */
export function describeMerges(merges: ImportSummary['merges'], dryRun: boolean): string[] {
  if (merges.length === 0) return [];
  return [
    `${merges.length} record(s) ${dryRun ? 'would be' : 'were'} merged by sameAs into the node they name ` +
      `(their own ids are not created; the change's references to them go to that node):`,
    ...merges.map((merge) => `  ${merge.kind} ${merge.id} → ${merge.into} (${merge.file}:${merge.line})`),
  ];
}

/** New entities the graph may have already: one line each, with the stored entities that match. */
export function describeDuplicates(duplicates: ImportSummary['possibleDuplicates']): string[] {
  if (duplicates.length === 0) return [];
  const lines = [
    `${duplicates.length} new entit${duplicates.length === 1 ? 'y' : 'ies'} may be one the graph has ` +
      `(if so, give its record "sameAs": "<that id>" to merge it into that node, or use that id):`,
  ];
  for (const duplicate of duplicates) {
    const matches = duplicate.matches.map((match) => `${match.id} ("${match.name}", on "${match.on}")`);
    lines.push(
      `  ${duplicate.kind} ${duplicate.id} (${duplicate.file}:${duplicate.line}) ~ ${matches.join(', ')}`,
      `    ${duplicate.hint}`,
    );
  }
  return lines;
}

/** `tradegraph import`: files checked in full, then written all or nothing; `--rollback`, `--pending`. */
export function importCommand(program: Command): void {
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
}
