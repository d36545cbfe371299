import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { CheckRequest, CheckResponse } from './check-blocks.js';
import { readUtf8 } from './text-input.js';

/**
 * Worker threads that check blocks of records (check-blocks.ts) while the main thread reads the
 * files and does what needs the whole import. Answers come back in the order blocks were sent.
 */
export class CheckPool {
  private readonly queues: { resolve: (response: CheckResponse) => void; reject: (error: Error) => void }[][];
  private next = 0;
  private failure: Error | null = null;

  private constructor(private readonly workers: Worker[]) {
    this.queues = workers.map(() => []);
    workers.forEach((worker, index) => {
      const queue = this.queues[index] as CheckPool['queues'][number];
      worker.on('message', (response: CheckResponse) => queue.shift()?.resolve(response));
      const fail = (error: Error): void => {
        this.failure ??= error;
        for (const waiting of queue.splice(0)) waiting.reject(error);
      };
      worker.on('error', fail);
      worker.on('exit', (code) => {
        if (code !== 0) fail(new Error(`an import worker thread stopped (exit code ${code})`));
      });
    });
  }

  /** Workers for the cores there are (at most four), at least one. */
  static start(size = Math.min(4, os.availableParallelism())): CheckPool {
    return new CheckPool(Array.from({ length: Math.max(1, size) }, startWorker));
  }

  run(request: CheckRequest): Promise<CheckResponse> {
    if (this.failure) return Promise.reject(this.failure);
    const index = this.next;
    this.next = (this.next + 1) % this.workers.length;
    return new Promise((resolve, reject) => {
      this.queues[index]?.push({ resolve, reject });
      this.workers[index]?.postMessage(request);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}

/** The worker script: compiled JavaScript next to this file, or the TypeScript source under tsx (tests, `npx tsx`). */
function startWorker(): Worker {
  // Checking makes many short-lived objects: a larger young generation collects them less often.
  const resourceLimits = { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB };
  if (__filename.endsWith('.ts')) {
    const source = path.join(__dirname, 'check-worker.ts');
    return new Worker(`require('tsx/cjs'); require(${JSON.stringify(source)});`, {
      eval: true,
      resourceLimits,
    });
  }
  return new Worker(path.join(__dirname, 'check-worker.js'), { resourceLimits });
}

/** Measured on a million statistics: 16 MiB (the default) 9.7 s of checking, 64 MiB 7.6 s. */
const YOUNG_GENERATION_MB = 64;

function countNewlines(text: string): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) count += 1;
  return count;
}

/** Where the last whole CSV record of `text` ends (after its line break), or -1; quoted cells may hold line breaks. */
function lastRecordEnd(text: string): number {
  let quoted = false;
  let last = -1;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 34) quoted = !quoted;
    else if (c === 10 && !quoted) last = i;
  }
  return last;
}

export interface Block {
  readonly text: string;
  /** 1-based line of the block's first line. */
  readonly firstLine: number;
}

/**
 * A file's text in blocks of whole lines (JSON Lines) or whole records (CSV, where a quoted cell
 * may span lines), each about a mebibyte, with the line each starts on.
 */
export async function* textBlocks(
  file: string,
  csv: boolean,
  onBytes?: (bytes: number) => void,
): AsyncGenerator<Block> {
  let rest = '';
  let line = 1;
  for await (const chunk of readUtf8(file, onBytes)) {
    const text = rest + chunk;
    const end = csv ? lastRecordEnd(text) : text.lastIndexOf('\n');
    if (end < 0) {
      rest = text;
      continue;
    }
    const block = text.slice(0, end + 1);
    rest = text.slice(end + 1);
    yield { text: block, firstLine: line };
    line += countNewlines(block);
  }
  if (rest.length > 0) yield { text: rest, firstLine: line };
}
