import { graphChecksum } from '../../src/export/graph-checksum';
import { importFiles } from '../../src/import/import';
import { ValidationError } from '../../src/import/problems';
import { firstInvalidUtf8 } from '../../src/import/text-input';
import type { EmbeddedStore } from '../../src/store/embedded/embedded-store';
import { fixture, statisticLines, writeFiles } from '../helpers/import-files';
import { openLoadedStore } from '../helpers/stores';

/** The problem lines of a refused import, after checking that the graph did not change. */
async function refused(
  store: EmbeddedStore,
  files: Record<string, string | Buffer>,
  extra: readonly string[] = [],
): Promise<string[]> {
  const written = writeFiles(files);
  const before = await graphChecksum(store);
  try {
    await importFiles(store, [...Object.values(written.paths), ...extra]);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    expect((await graphChecksum(store)).checksum).toBe(before.checksum);
    return error.message.split('\n').slice(1);
  } finally {
    written.remove();
  }
  throw new Error('expected the import to be refused');
}

describe('Import validation', () => {
  let store: EmbeddedStore;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    ({ store, dispose } = await openLoadedStore());
  });
  afterAll(async () => dispose());

  test('every problem is named by file, line, record and field', async () => {
    const problems = await refused(store, {
      'statistics.csv': [
        'id,subject,metric,value,unit,period,destination,source',
        'ok-1,MX,exports,10,vehicles,2026-01,US,fx-report-2026',
        'bad-value,MX,exports,"3,000",vehicles,2026-01,,fx-report-2026',
        'bad-period,MX,exports,10,vehicles,2026-13,,fx-report-2026',
        'bad-unit,MX,exports,10,tonnes,2026-01,,fx-report-2026',
        'bad-ref,nobody,exports,10,vehicles,2026-01,heavy-trucks,fx-report-2026',
      ].join('\n'),
    });
    expect(problems).toEqual([
      expect.stringMatching(/statistics\.csv:3 record bad-value field "value": .*number/),
      expect.stringMatching(/statistics\.csv:4 record bad-period field "period": must be a period/),
      expect.stringMatching(
        /statistics\.csv:5 record bad-unit field "unit": "tonnes" is not a unit of exports/,
      ),
      expect.stringMatching(
        /statistics\.csv:6 record bad-ref field "destination": refers to "heavy-trucks", a Sector; expected Country or Region/,
      ),
      expect.stringMatching(
        /statistics\.csv:6 record bad-ref field "subject": refers to "nobody", which is neither in this change \(its \d+ files?\) nor in the graph: add a .* record with id "nobody" to the change/,
      ),
    ]);
  });

  test('a file with any problem changes nothing, whatever the other files hold', async () => {
    const problems = await refused(
      store,
      { 'statistics.jsonl': `${statisticLines(50, 'fine')}{"id":"broken"\n` },
      [fixture('companies.csv')],
    );
    expect(problems).toEqual([expect.stringMatching(/statistics\.jsonl:51 record -: is not valid JSON/)]);
  });

  test('conflicting duplicates are refused, with where the first one is', async () => {
    const problems = await refused(store, {
      'companies.csv': 'id,name\nsame-co,Same Co\nsame-co,Other Name\nsame-co,Same Co\n',
      'relationships.jsonl': [
        '{"type":"MEMBER_OF","from":"alpha-trucks","to":"truckmakers","source":"fx-report-2026","asOf":"2026-01"}',
        '{"type":"MEMBER_OF","from":"alpha-trucks","to":"truckmakers","source":"fx-report-2026","asOf":"2025"}',
      ].join('\n'),
    });
    expect(problems).toEqual([
      expect.stringMatching(
        /companies\.csv:3 record same-co field "id": repeats the id "same-co" of the record at .*companies\.csv:2 with different content/,
      ),
      expect.stringMatching(
        /relationships\.jsonl:2 record MEMBER_OF alpha-trucks→truckmakers: repeats the claim at .*relationships\.jsonl:1/,
      ),
    ]);
  });

  test('an id the store already has for another kind is refused', async () => {
    const problems = await refused(store, { 'companies.csv': 'id,name\nheavy-trucks,Heavy Trucks Inc\n' });
    expect(problems).toEqual([
      expect.stringMatching(
        /record heavy-trucks field "id": "heavy-trucks" is already a Sector in the store/,
      ),
    ]);
  });

  test('bytes that are not UTF-8 are named by byte offset and line', async () => {
    const bytes = Buffer.concat([
      Buffer.from('id,name\nfine-co,Fine\nbad-co,Caf'),
      Buffer.from([0xe9]),
      Buffer.from(' Latin-1\n'),
    ]);
    const problems = await refused(store, { 'companies.csv': bytes });
    expect(problems).toEqual([
      expect.stringMatching(
        /companies\.csv:3 record -: a byte that is not UTF-8 at byte 31 \(line 3\); save the file as UTF-8/,
      ),
    ]);
  });

  test('UTF-16 files are refused, a UTF-8 byte order mark is fine', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('id,name\n', 'utf16le')]);
    expect(await refused(store, { 'companies.csv': utf16 })).toEqual([
      expect.stringMatching(/companies\.csv:1 record -: the file is UTF-16/),
    ]);
    const withBom = writeFiles({ 'companies.csv': `\uFEFFid,name\nbom-co,Bom Co\n` });
    try {
      const summary = await importFiles(store, [withBom.paths['companies.csv'] as string], { dryRun: true });
      expect(summary.nodes.Company.created).toBe(1);
    } finally {
      withBom.remove();
    }
  });

  test('unknown columns and files of unknown kind are reported', async () => {
    const problems = await refused(store, {
      'companies.csv': 'id,name,founded\nnew-co,New Co,1999\n',
      'firms.csv': 'id,name\nx,X\n',
      'notes.txt': 'hello',
    });
    expect(problems).toEqual([
      expect.stringMatching(/firms\.csv record -: cannot tell what the rows are/),
      expect.stringMatching(/notes\.txt record -: is not a \.csv, \.jsonl or \.ndjson file/),
      expect.stringMatching(/companies\.csv:1 record - field "founded": is not a field of Company/),
    ]);
  });

  test('very many problems are all counted, the first ones shown', async () => {
    const lines = ['id,subject,metric,value,unit,period,source'];
    for (let i = 0; i < 1500; i += 1) lines.push(`many-${i},MX,exports,lots,vehicles,2026-01,fx-report-2026`);
    const written = writeFiles({ 'statistics.csv': lines.join('\n') });
    try {
      const error = await importFiles(store, [written.paths['statistics.csv'] as string]).catch(
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(ValidationError);
      const refusal = error as ValidationError;
      expect(refusal.total).toBe(1500);
      expect(refusal.problems).toHaveLength(1000);
      expect(refusal.message.split('\n')[0]).toBe('1500 problem(s) in the input; nothing was written:');
      expect(refusal.message).toMatch(/… and 1450 more$/);
    } finally {
      written.remove();
    }
  });
});

describe('UTF-8 check', () => {
  test('finds the first byte that is not UTF-8', () => {
    expect(firstInvalidUtf8(Buffer.from('plain ascii'))).toBe(-1);
    expect(firstInvalidUtf8(Buffer.from('México €'))).toBe(-1);
    expect(firstInvalidUtf8(Buffer.from([0x41, 0xc3]))).toBe(1); // cut short
    expect(firstInvalidUtf8(Buffer.from([0x41, 0xc0, 0xaf]))).toBe(1); // overlong
    expect(firstInvalidUtf8(Buffer.from([0xed, 0xa0, 0x80]))).toBe(0); // surrogate
    expect(firstInvalidUtf8(Buffer.from([0xf4, 0x90, 0x80, 0x80]))).toBe(0); // past U+10FFFF
  });
});
