import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';

/** Lines gathered before one write to the stream. */
const CHUNK_BYTES = 256 * 1024;

/**
 * A JSON Lines file written through a stream with backpressure: callers `add` records and, when
 * `add` says so, `await flush()`, which waits for the stream to drain. Memory stays at one chunk
 * plus the stream's own buffer whatever the size of the file.
 */
export class JsonLinesFile {
  private readonly stream: WriteStream;
  private chunk = '';
  records = 0;

  constructor(readonly path: string) {
    this.stream = createWriteStream(path, { encoding: 'utf8', highWaterMark: 1024 * 1024 });
  }

  /** Adds one record; true when the caller should `await flush()`. */
  add(record: object): boolean {
    this.chunk += `${JSON.stringify(record)}\n`;
    this.records += 1;
    return this.chunk.length >= CHUNK_BYTES;
  }

  async flush(): Promise<void> {
    if (this.chunk.length === 0) return;
    const chunk = this.chunk;
    this.chunk = '';
    if (!this.stream.write(chunk)) await once(this.stream, 'drain');
  }

  async addAll(records: Iterable<object>): Promise<void> {
    for (const record of records) if (this.add(record)) await this.flush();
  }

  async close(): Promise<void> {
    await this.flush();
    this.stream.end();
    await finished(this.stream);
  }
}
