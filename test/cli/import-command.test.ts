import { describeChanges, describeDuplicates, describeMerges } from '../../src/cli/import-command';
import { cliOn, type CliOnEngine } from '../helpers/cli';
import { writeFiles } from '../helpers/import-files';

jest.setTimeout(300_000);

describe('tradegraph import', () => {
  let cli: CliOnEngine;
  beforeAll(async () => {
    cli = await cliOn('embedded');
  });
  afterAll(async () => {
    await cli.dispose();
  });

  test('--dry-run prints the change field by field and writes nothing', async () => {
    const files = writeFiles({
      'change.jsonl': `${JSON.stringify({ kind: 'Company', id: 'freightliner', aliases: ['FTL test alias'] })}\n`,
    });
    try {
      const dry = await cli.run(['import', '--dry-run', files.paths['change.jsonl'] as string]);
      expect(dry.code).toBe(0);
      expect(dry.stdout).toContain('dry run: nothing was written.');
      expect(dry.stdout).toMatch(/Company\s+0\s+1\s+0/);
      expect(dry.stdout).toContain('  Company freightliner');
      expect(dry.stdout).toMatch(/aliases: \[.*\] → \[.*FTL test alias\]/);
      const shown = await cli.run(['show', 'freightliner', '--json']);
      expect(shown.stdout).not.toContain('FTL test alias');
    } finally {
      files.remove();
    }
  });

  test('no file is a plain error with exit code 1', async () => {
    const none = await cli.run(['import']);
    expect(none.code).toBe(1);
    expect(none.stderr).toBe('name at least one file or directory to import\n');
  });
});

describe('Import summary text', () => {
  test('one line per field, a removal or replacement marked OVERWRITES', () => {
    expect(
      describeChanges([
        {
          kind: 'Company',
          id: 'acme',
          fields: [
            { field: 'aliases', before: ['A'], after: ['A', 'B'], overwrites: false },
            { field: 'description', before: 'old', after: null, overwrites: true },
          ],
        },
      ]),
    ).toEqual(['  Company acme', '    aliases: [A] → [A, B]', '    OVERWRITES description: "old" → (none)']);
  });

  test('possible duplicates: one line each, with the stored entities that match', () => {
    expect(describeDuplicates([])).toEqual([]);
    expect(
      describeDuplicates([
        {
          kind: 'Plant',
          id: 'daimay-saltillo-2',
          file: 'plants.jsonl',
          line: 3,
          matches: [{ id: 'daimay-saltillo', name: 'Daimay Saltillo', on: 'daimay saltillo' }],
          hint: 'if daimay-saltillo-2 is daimay-saltillo, add "sameAs": "daimay-saltillo" to its record …',
        },
      ]),
    ).toEqual([
      '1 new entity may be one the graph has (if so, give its record "sameAs": "<that id>" to merge it into that node, or use that id):',
      '  Plant daimay-saltillo-2 (plants.jsonl:3) ~ daimay-saltillo ("Daimay Saltillo", on "daimay saltillo")',
      '    if daimay-saltillo-2 is daimay-saltillo, add "sameAs": "daimay-saltillo" to its record …',
    ]);
  });

  test("sameAs merges: one line each, the record's own id → the node it is merged into", () => {
    expect(describeMerges([], true)).toEqual([]);
    expect(
      describeMerges(
        [{ kind: 'Plant', id: 'daimay-2', into: 'daimay-saltillo', file: 'plants.jsonl', line: 3 }],
        true,
      ),
    ).toEqual([
      "1 record(s) would be merged by sameAs into the node they name (their own ids are not created; the change's references to them go to that node):",
      '  Plant daimay-2 → daimay-saltillo (plants.jsonl:3)',
    ]);
    expect(
      describeChanges([
        {
          kind: 'Plant',
          id: 'daimay-saltillo',
          mergedFrom: 'daimay-2',
          fields: [{ field: 'aliases', before: [], after: ['Daimay II'], overwrites: false }],
        },
      ]),
    ).toEqual(['  Plant daimay-saltillo (merged from daimay-2 by sameAs)', '    aliases: [] → [Daimay II]']);
  });
});
