import { createReadStream, createWriteStream, mkdtempSync, rmSync, type WriteStream } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { finished } from 'node:stream/promises';
import type { WritePlan } from './write-plan.js';

/**
 * Write plans kept on disk between checking an import and writing it, one JSON line each, in the
 * store's scratch directory (the system's temporary directory when the store has none).
 */
export class Spool {
  private readonly directory: string;
  private readonly file: string;
  private readonly out: WriteStream;
  count = 0;

  constructor(scratch: string | undefined) {
    this.directory = mkdtempSync(path.join(scratch ?? os.tmpdir(), 'tradegraph-import-'));
    this.file = path.join(this.directory, 'plans.jsonl');
    this.out = createWriteStream(this.file);
  }

  async write(plan: WritePlan): Promise<void> {
    this.count += 1;
    if (!this.out.write(`${JSON.stringify(plan)}\n`)) {
      await new Promise<void>((resolve) => this.out.once('drain', () => resolve()));
    }
  }

  async close(): Promise<void> {
    this.out.end();
    await finished(this.out);
  }

  async *read(): AsyncGenerator<WritePlan> {
    if (this.count === 0) return;
    for await (const line of createInterface({ input: createReadStream(this.file), crlfDelay: Infinity })) {
      yield JSON.parse(line) as WritePlan;
    }
  }

  remove(): void {
    this.out.destroy();
    rmSync(this.directory, { recursive: true, force: true });
  }
}
