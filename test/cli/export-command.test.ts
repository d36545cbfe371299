import { readFileSync } from 'node:fs';
import path from 'node:path';
import { cliOn, type CliOnEngine } from '../helpers/cli';

jest.setTimeout(300_000);

describe('tradegraph export', () => {
  let cli: CliOnEngine;
  beforeAll(async () => {
    cli = await cliOn('embedded');
  });
  afterAll(async () => {
    await cli.dispose();
  });

  test('an entity and its neighbourhood as JSON Lines, with the count on stderr', async () => {
    const out = path.join(cli.directory, 'anpact.jsonl');
    const run = await cli.run([
      'export',
      '--format',
      'jsonl',
      '--root',
      'anpact',
      '--depth',
      '1',
      '--out',
      out,
    ]);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/^exported \d+ nodes and \d+ relationships to /m);
    const records = readFileSync(out, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { kind?: string; id?: string });
    expect(records).toContainEqual(expect.objectContaining({ kind: 'Association', id: 'anpact' }));
  });

  test('options that do not go together are plain errors with exit code 1', async () => {
    const cases: [string[], string][] = [
      [['export'], 'give --format jsonl, csv or graphml (or --flat with --query)\n'],
      [['export', '--format', 'xml'], '--format must be jsonl, csv or graphml, not "xml"\n'],
      [['export', '--flat'], '--flat goes with --query <file>\n'],
      [['export', '--format', 'csv'], 'a CSV export needs --out <directory>\n'],
    ];
    for (const [args, message] of cases) {
      const run = await cli.run(args);
      expect([run.code, run.stderr]).toEqual([1, message]);
    }
  });
});
