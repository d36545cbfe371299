import { describeChanges, describeDuplicates, describeMerges } from '../../src/cli/import-command';
import { cliOn, type CliOnEngine } from '../helpers/cli';
import { writeFiles } from '../helpers/import-files';

jest.setTimeout(300_000);

describe('tradegraph import', () => {
  let cli: CliOnEngine;
  beforeAll(async () => {
    // The curated dataset in place: the import is what these tests are about, not the first load.
    cli = await cliOn('embedded', { loaded: true });
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
      const shown = await cli.ask(['show', 'freightliner', '--json']);
      expect(shown.stdout).not.toContain('FTL test alias');
    } finally {
      files.remove();
    }
  });

  test('sameAs: the dry run shows the merge and its fields; the import attaches the change to the existing plant', async () => {
    const merged = 'daimay-ramos-arizpe-second-plant';
    const source = 'seed-borderlands-2026-01';
    const change = (sameAs: string) =>
      writeFiles({
        'early.statistics.jsonl': `${JSON.stringify({
          id: 'daimay-finsa-employees-2026-test',
          subject: 'daimay-finsa',
          metric: 'employees',
          value: 450,
          unit: 'persons',
          period: '2026',
          source,
        })}\n`,
        'change.jsonl': [
          { kind: 'Plant', id: 'daimay-finsa', sameAs, aliases: ['Daimay FINSA plant'], sources: [source] },
          { kind: 'Relationship', type: 'OPERATES', from: 'daimay', to: 'daimay-finsa', source },
        ]
          .map((record) => `${JSON.stringify(record)}\n`)
          .join(''),
      });
    const wrong = change('daimay');
    try {
      const refused = await cli.run(['import', '--dry-run', ...Object.values(wrong.paths)]);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(
        /change\.jsonl:1 record daimay-finsa field "sameAs": names "daimay", a Company; a Plant record can only be merged into a Plant/,
      );
    } finally {
      wrong.remove();
    }
    const files = change(merged);
    try {
      const dry = await cli.run(['import', '--dry-run', ...Object.values(files.paths)]);
      expect(dry.code).toBe(0);
      expect(dry.stdout).toContain(`  Plant ${merged} (merged from daimay-finsa by sameAs)`);
      expect(dry.stdout).toMatch(/aliases: \[\] → \[Daimay FINSA plant\]/);
      expect(dry.stdout).toContain(`  Plant daimay-finsa → ${merged} (`);
      expect(dry.stdout).not.toContain('may be one the graph has');
      const applied = await cli.run(['import', ...Object.values(files.paths)]);
      expect(applied.code).toBe(0);
      // What the import wrote, read back in-process (`ask`: the same command code, no process).
      const shown = await cli.ask(['show', merged, '--json']);
      expect(shown.stdout).toContain('Daimay FINSA plant');
      const stats = await cli.ask(['stats', merged, '--metric', 'employees', '--json']);
      expect(stats.stdout).toContain('daimay-finsa-employees-2026-test');
      expect((await cli.ask(['show', 'daimay-finsa'])).code).toBe(1);
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
