#!/usr/bin/env node
import { Command } from 'commander';
import { readConfig } from '../config.js';
import { loadDataset } from '../import/dataset.js';
import { writeDataset } from '../import/write-dataset.js';
import { StoreUnavailableError } from '../store/errors.js';
import { openStore } from '../store/open-store.js';
import { generateCommand } from './generate-command.js';
import { exportCommand } from './export-command.js';
import { importCommand } from './import-command.js';
import { failureMessage, UsageError } from './checks.js';
import { explainUnavailable } from './server-marker.js';
import { serveCommand } from './serve-command.js';
import { queryCommands } from './query-commands.js';

const program = new Command()
  .name('tradegraph')
  .description('A cited knowledge graph of US–Mexico trade.')
  .showHelpAfterError();

program
  .command('validate')
  .description('check a dataset directory without writing anything')
  .option('--data <dir>', 'dataset directory (default: the curated data/)')
  .action((options: { data?: string }) => {
    const dataset = loadDataset(options.data);
    const nodes = [...dataset.nodes.values()].reduce((sum, rows) => sum + rows.length, 0);
    const links = [...dataset.links.values()].reduce((sum, rows) => sum + rows.length, 0);
    process.stdout.write(`valid: ${nodes} nodes, ${links} relationships\n`);
  });

program
  .command('load')
  .description('load a dataset into the configured store, in one transaction')
  .option('--data <dir>', 'dataset directory (default: the curated data/)')
  .option('--replace', 'empty the graph first, so records removed from the dataset disappear')
  .option(
    '--discard-imports <ids>',
    'with --replace: the imports (comma-separated ids, as listed when refused) to drop with the graph',
  )
  .action(async (options: { data?: string; replace?: boolean; discardImports?: string }) => {
    if (options.discardImports !== undefined && !options.replace) {
      throw new UsageError('--discard-imports goes with --replace');
    }
    const dataset = loadDataset(options.data);
    const config = readConfig();
    const store = await openStore(config.store);
    try {
      const summary = await writeDataset(store, dataset, {
        replace: options.replace ?? false,
        discardImports: (options.discardImports ?? '')
          .split(',')
          .map((id) => id.trim())
          .filter(Boolean),
      });
      process.stdout.write(`loaded ${summary.nodes} nodes and ${summary.relationships} relationships\n`);
    } finally {
      await store.close();
    }
  });

serveCommand(program);
queryCommands(program);
importCommand(program);
exportCommand(program);
generateCommand(program);

program.parseAsync(process.argv).catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof StoreUnavailableError ? explainUnavailable(error, readConfig().store) : failureMessage(error)}\n`,
  );
  process.exitCode = 1;
});
