import type { CheckResponse } from '../../src/import/check-blocks';
import type { Checked } from '../../src/import/check-records';
import { ImportReport } from '../../src/import/import-report';
import { planInputs } from '../../src/import/input-files';
import { readFiles, type ReadSink } from '../../src/import/read-files';
import { statisticLines, writeFiles } from '../helpers/import-files';
import { problemsOf } from '../helpers/import-stages';

describe('Read the files of an import', () => {
  async function read(
    files: Record<string, string | Buffer>,
    options: { batchSize?: number; whole?: boolean } = {},
  ) {
    const written = writeFiles(files);
    try {
      const report = new ImportReport(planInputs(Object.values(written.paths), []), { maxProblems: 1000 });
      const batches: { checked: Checked[]; files: number[] }[] = [];
      const wholes: CheckResponse[] = [];
      const sink: ReadSink = {
        batch: async (checked, inFiles) => {
          batches.push({ checked, files: inFiles });
        },
        whole: async (response) => {
          if (options.whole) wholes.push(response);
          return options.whole ?? false;
        },
        exists: async () => true,
      };
      await readFiles(report, { batchSize: options.batchSize ?? 1000, workers: 0 }, sink);
      return { report, batches, wholes };
    } finally {
      written.remove();
    }
  }

  test('records come in batches in reading order, each file starting one, with the file each is from', async () => {
    const { report, batches } = await read({
      'companies.csv': 'id,name,companyType\nacme,Acme,supplier\nzeta,Zeta,manufacturer\n',
      'graph.jsonl': `${JSON.stringify({ kind: 'Company', id: 'omega', name: 'Omega', companyType: 'supplier' })}\n`,
    });
    expect(problemsOf(report)).toEqual([]);
    expect(batches.map((batch) => batch.files)).toEqual([[0, 0], [1]]);
    expect(
      batches.flatMap((batch) => batch.checked.map((checked) => (checked.t === 'n' ? checked.id : ''))),
    ).toEqual(['acme', 'zeta', 'omega']);
    expect(report.summary('i', 'transaction', true).files.map((file) => file.records)).toEqual([2, 1]);
    expect(report.bytesRead).toBe(report.totalBytes);
  });

  test('a batch is handed over once it holds batchSize records, a block at a time; packed statistics come one by one unless taken whole', async () => {
    const single = await read({ 'statistics.jsonl': statisticLines(5) }, { batchSize: 2 });
    expect(single.batches.map((batch) => batch.checked.length)).toEqual([5]);
    const whole = await read({ 'statistics.jsonl': statisticLines(5) }, { whole: true });
    expect(whole.batches).toEqual([]);
    expect(whole.wholes.map((response) => response.packedIds.split('\n').length)).toEqual([5]);
    const many = await read(
      { 'a-statistics.jsonl': statisticLines(3, 'a'), 'b-statistics.jsonl': statisticLines(3, 'b') },
      { batchSize: 2 },
    );
    expect(many.batches.map((batch) => batch.files)).toEqual([
      [0, 0, 0],
      [1, 1, 1],
    ]);
  });

  test('problems of the files go to the report: a CSV without a header, a file that is not UTF-8', async () => {
    const { report } = await read({
      'companies.csv': '\n\n',
      'plants.jsonl': Buffer.from([0xff, 0xfe, 0x41, 0x00]),
    });
    expect(problemsOf(report).map((problem) => [problem.file.split('/').pop(), problem.message])).toEqual([
      ['companies.csv', 'has no header row'],
      ['plants.jsonl', expect.stringContaining('UTF-16')],
    ]);
  });
});
