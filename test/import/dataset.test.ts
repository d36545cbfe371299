import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { datasetFingerprint, loadDataset } from '../../src/import/dataset';
import { ensureDataset } from '../../src/import/ensure-dataset';
import { countNodes } from '../../src/store/catalog';
import { ValidationError } from '../../src/import/problems';
import { FIXTURE_DATASET, openTemporaryStore } from '../helpers/stores';

/** A copy of the fixture dataset with one file's text changed. */
function corrupted(file: string, change: (text: string) => string): string {
  const directory = mkdtempSync(path.join(os.tmpdir(), 'tradegraph-dataset-'));
  cpSync(FIXTURE_DATASET, directory, { recursive: true });
  const full = path.join(directory, file);
  writeFileSync(full, change(readFileSync(full, 'utf8')));
  return directory;
}

function problemsOf(directory: string): string[] {
  try {
    loadDataset(directory);
  } catch (error) {
    if (error instanceof ValidationError) return error.message.split('\n').slice(1);
    throw error;
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
  throw new Error('expected the dataset to be refused');
}

describe('Dataset validation', () => {
  test('the fixture dataset is valid and shaped for the store', () => {
    const dataset = loadDataset(FIXTURE_DATASET);
    expect(dataset.nodes.get('Company')).toHaveLength(3);
    expect(dataset.nodes.get('Statistic')).toHaveLength(8);
    expect(dataset.links.get('link-member-of-company-association')).toHaveLength(4);
    expect(dataset.statisticChanges).toEqual([
      { id: 'mx-exports-2026-01-fx', changePercent: -50.5, changeComparedTo: '2025-01' },
    ]);
    expect(dataset.fingerprint).toMatch(/^[0-9a-f]{64}$/);
  });

  test('a non-numeric value is named by file, line, record and field', () => {
    const problems = problemsOf(
      corrupted('statistics.yaml', (t) => t.replace('value: 3000,', 'value: "3,000",')),
    );
    expect(problems).toEqual([
      expect.stringMatching(
        /statistics\.yaml:1 record alpha-exports-2026-01-fx field "value": must be a number/,
      ),
    ]);
  });

  test('qualifiers are checked: a range needs both ends, ends belong to ranges, bases are named', () => {
    const problems = problemsOf(
      corrupted('statistics.yaml', (t) =>
        t
          .replace('value: 3000,', 'qualifier: range, low: 3000,')
          .replace('value: 1200,', 'value: 1200, qualifier: about,')
          .replace('value: 1100,', 'value: 1100, qualifier: lower-bound, high: 1200,')
          .replace('value: 4500,', 'value: 4500, periodBasis: guessed,'),
      ),
    );
    expect(problems).toEqual([
      expect.stringMatching(
        /statistics\.yaml:1 record alpha-exports-2026-01-fx field "high": is required when qualifier is range/,
      ),
      expect.stringMatching(
        /statistics\.yaml:2 record beta-exports-2026-01-fx field "qualifier": must be one of exact, approximate, lower-bound, upper-bound, range/,
      ),
      expect.stringMatching(
        /statistics\.yaml:3 record beta-exports-2026-01-us-fx field "high": is only for qualifier range .*a bound's number goes in value/,
      ),
      expect.stringMatching(
        /statistics\.yaml:4 record mx-exports-2026-01-fx field "periodBasis": must be one of stated, article-date, context/,
      ),
    ]);
  });

  test('unknown references, wrong kinds and bad periods are all reported at once', () => {
    const problems = problemsOf(
      corrupted('statistics.yaml', (t) =>
        t
          .replace(
            'subject: beta-motors, metric: exports, value: 1200',
            'subject: nobody, metric: exports, value: 1200',
          )
          .replace(
            'destination: US, source: fx-report-2026 }',
            'destination: heavy-trucks, source: fx-report-2026 }',
          )
          .replace('period: 2025-01,', 'period: 2025-13,'),
      ),
    );
    expect(problems.join('\n')).toMatch(/record beta-exports-2026-01-fx field "subject": refers to "nobody"/);
    expect(problems.join('\n')).toMatch(
      /field "destination": refers to "heavy-trucks", a Sector; expected Country or Region/,
    );
    expect(problems.join('\n')).toMatch(/record mx-exports-2025-01-fx field "period": must be a period/);
  });

  test('a relationship between kinds its type does not join is refused', () => {
    const problems = problemsOf(
      corrupted(
        'relationships.yaml',
        (t) => `${t}- { type: MEMBER_OF, from: MX, to: truckmakers, source: fx-report-2026 }\n`,
      ),
    );
    expect(problems).toEqual([
      expect.stringMatching(
        /relationships\.yaml:13 record #13 field "from": refers to "MX", a Country; expected Company/,
      ),
    ]);
  });

  test('duplicate ids and repeated claims are refused', () => {
    const directory = corrupted('companies.yaml', (t) => `${t}- { id: MX, name: Not a company }\n`);
    const problems = problemsOf(directory);
    expect(problems.join('\n')).toMatch(
      /companies\.yaml:\d+ record MX field "id": "MX" is not a valid Company id/,
    );
    const repeated = problemsOf(
      corrupted(
        'relationships.yaml',
        (t) =>
          `${t}- { type: OPERATES, from: alpha-trucks, to: alpha-saltillo-plant, source: fx-report-2026 }\n`,
      ),
    );
    expect(repeated.join('\n')).toMatch(/repeats the OPERATES claim alpha-trucks → alpha-saltillo-plant/);
  });

  test('unknown fields, units that do not fit the metric and broken YAML are reported', () => {
    expect(
      problemsOf(
        corrupted('companies.yaml', (t) =>
          t.replace('companyType: supplier', 'companyType: supplier\n  founded: 1999'),
        ),
      ).join('\n'),
    ).toMatch(/companies\.yaml:\d+ record gamma-parts/);
    expect(
      problemsOf(
        corrupted('statistics.yaml', (t) =>
          t.replace('value: 93.3, unit: percent', 'value: 93.3, unit: vehicles'),
        ),
      ).join('\n'),
    ).toMatch(/field "unit": "vehicles" is not a unit of export_share \(use percent\)/);
    expect(problemsOf(corrupted('people.yaml', (t) => `${t}- name: [unclosed\n`)).join('\n')).toMatch(
      /people\.yaml:\d+ record -: YAML/,
    );
  });

  test('sameAs is for imports: a dataset record with it is refused, saying what to do instead', () => {
    const problems = problemsOf(
      corrupted(
        'plants.yaml',
        (t) =>
          `${t}- { id: alpha-saltillo-2, sameAs: alpha-saltillo-plant, name: Twin, facilityType: plant }\n`,
      ),
    );
    expect(problems).toEqual([
      expect.stringMatching(
        /plants\.yaml:7 record alpha-saltillo-2 field "sameAs": is for imports, .* move what this record adds into the record of "alpha-saltillo-plant"/,
      ),
    ]);
  });
});

describe('Recognising a loaded dataset at start-up', () => {
  test('the fingerprint from the files alone is the one the full read computes', () => {
    expect(datasetFingerprint(FIXTURE_DATASET)).toBe(loadDataset(FIXTURE_DATASET).fingerprint);
  });

  test('loaded once, then recognised, and a changed dataset is reported as differing', async () => {
    const { store, dispose } = await openTemporaryStore();
    const changed = corrupted('companies.yaml', (text) => text.replace(/name: .*/, 'name: Renamed Company'));
    try {
      expect(await ensureDataset(store, FIXTURE_DATASET)).toBe('loaded');
      const counts = async (): Promise<string[]> =>
        (await store.read(countNodes, {})).map((row) => `${row.kind} ${row.count}`).sort();
      const nodes = await counts();
      expect(nodes.length).toBeGreaterThan(0);
      expect(await ensureDataset(store, FIXTURE_DATASET)).toBe('already-loaded');
      expect(await ensureDataset(store, changed)).toBe('differs');
      // Neither the second call nor the differing dataset wrote anything.
      expect(await counts()).toEqual(nodes);
    } finally {
      rmSync(changed, { recursive: true, force: true });
      await dispose();
    }
  });
});
