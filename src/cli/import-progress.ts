import { SingleBar } from 'cli-progress';
import type { ImportProgress } from '../import/import.js';

/** The import's progress on stderr (`tradegraph import`). */

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
