import { PassThrough } from 'node:stream';
import { progressReporter, READING_FORMAT } from '../../src/cli/import-progress';

describe('Import progress bar', () => {
  test('its first frame on a terminal shows numbers, not its template', () => {
    const stream = Object.assign(new PassThrough(), {
      isTTY: true,
      columns: 160,
    }) as unknown as NodeJS.WriteStream;
    let written = '';
    (stream as unknown as PassThrough).on('data', (chunk: Buffer) => (written += chunk.toString('utf8')));
    const reporter = progressReporter(stream);
    reporter.update({ phase: 'reading', bytesRead: 0, totalBytes: 3 * 1024 * 1024, records: 0 });
    reporter.stop();
    expect(READING_FORMAT).toContain('{read}');
    expect(written).toContain('0.0/3.0 MiB | 0 records');
    expect(written).not.toMatch(/\{(read|size|records|rate)\}/);
  });
});
