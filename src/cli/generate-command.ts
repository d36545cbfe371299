import { SingleBar } from 'cli-progress';
import { InvalidArgumentError, type Command } from 'commander';
import { readConfig } from '../config.js';
import { generateDataset, isScale, SCALES, type Scale } from '../generate/index.js';

const MiB = 1024 * 1024;

function scaleOption(value: string): Scale {
  const scale = value.toUpperCase();
  if (!isScale(scale)) throw new InvalidArgumentError('give S, M or L.');
  return scale;
}

function seedOption(value: string): number {
  if (!/^-?\d+$/.test(value) || !Number.isSafeInteger(Number(value))) {
    throw new InvalidArgumentError('give an integer.');
  }
  return Number(value);
}

/** `tradegraph generate`: a synthetic trade graph in the import format (see docs/generator.md). */
export function generateCommand(program: Command): void {
  program
    .command('generate')
    .description(
      `write a synthetic trade graph (JSON Lines, the import format) for benchmarks: S ≈ ${SCALES.S.statistics.toLocaleString('en-US')}, M ≈ ${SCALES.M.statistics.toLocaleString('en-US')}, L ≈ ${SCALES.L.statistics.toLocaleString('en-US')} statistics`,
    )
    .requiredOption('--out <dir>', 'directory to write the files and probes.json into (created if missing)')
    .option('--scale <S|M|L>', 'size of the graph', scaleOption, 'S' as Scale)
    .option('--seed <n>', 'random seed: the same seed gives the same files', seedOption, 1)
    .action(async (options: { out: string; scale: Scale; seed: number }, command: Command) => {
      // `--json` is the program's own option (see query-commands.ts).
      const json = Boolean((command.optsWithGlobals() as { json?: boolean }).json);
      const started = Date.now();
      let bar: SingleBar | null = null;
      let lastLine = 0;
      const summary = await generateDataset({
        scale: options.scale,
        seed: options.seed,
        outDir: options.out,
        dataDirectory: readConfig().dataDirectory,
        onProgress: ({ statistics, totalStatistics }) => {
          if (process.stderr.isTTY) {
            bar ??= new SingleBar(
              {
                format: 'generate |{bar}| {percentage}% | {value}/{total} statistics | ETA {eta_formatted}',
                stream: process.stderr,
              },
              undefined,
            );
            if (!bar.isActive) bar.start(totalStatistics, 0);
            bar.update(statistics);
          } else if (Date.now() - lastLine >= 1000 || statistics === totalStatistics) {
            lastLine = Date.now();
            process.stderr.write(`generate: ${statistics}/${totalStatistics} statistics\n`);
          }
        },
      });
      (bar as SingleBar | null)?.stop();
      const seconds = (Date.now() - started) / 1000;
      if (json) {
        process.stdout.write(`${JSON.stringify({ ...summary, seconds }, null, 2)}\n`);
        return;
      }
      const counts = Object.entries(summary.counts)
        .map(([kind, count]) => `${kind} ${count.toLocaleString('en-US')}`)
        .join(', ');
      process.stdout.write(
        `generated scale ${summary.scale}, seed ${summary.seed} in ${seconds.toFixed(1)} s: ` +
          `${(summary.bytes / MiB).toFixed(1)} MiB in ${summary.files.length} files in ${options.out}\n` +
          `${counts}\nprobes (and this summary): ${options.out}/probes.json\n` +
          `import it with: tradegraph import ${options.out}\n`,
      );
    });
}
