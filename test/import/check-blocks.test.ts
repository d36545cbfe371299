import { checkBlock } from '../../src/import/check-blocks';
import { unpackStatistic } from '../../src/import/packed-rows';

const statistic = {
  id: 'fx-1',
  subject: 'MX',
  metric: 'exports',
  value: 12,
  unit: 'vehicles',
  period: '2026-01',
  destination: 'US',
  source: 'fx-report-2026',
};

describe('Check blocks', () => {
  test('JSON Lines: each line checked, problems by line, statistics packed with their links', () => {
    const text = [
      JSON.stringify({ kind: 'Company', id: 'acme', name: 'Acme', companyType: 'manufacturer' }),
      '',
      'not json',
      JSON.stringify({ kind: 'Statistic', ...statistic }),
      JSON.stringify({ kind: 'Plant', id: 'p' }),
    ].join('\n');
    const response = checkBlock({
      format: 'jsonl',
      fileName: 'graph.jsonl',
      kind: null,
      text,
      firstLine: 10,
    });
    expect(response.records).toBe(4);
    expect(response.checked).toEqual([
      expect.objectContaining({ t: 'n', kind: 'Company', id: 'acme', line: 10, patch: false }),
      // Only an id: an amendment of a node the graph may have.
      expect.objectContaining({ t: 'n', kind: 'Plant', id: 'p', line: 14, patch: true }),
    ]);
    expect(response.problems.map((problem) => [problem.line, problem.message])).toEqual([
      [12, expect.stringContaining('is not valid JSON')],
    ]);
    expect(response.packedIds).toBe('fx-1');
    expect(unpackStatistic(response.packed)).toMatchObject({ id: 'fx-1', value: 12, subjectId: 'MX' });
    expect(Array.from(response.packedMeta.slice(0, 1))).toEqual([13]);
    expect(response.targets).toEqual(['MX', 'US', 'fx-report-2026']);
    expect(response.links.map((group) => [group.link, response.targets[group.target], group.lines])).toEqual([
      [0, 'MX', 'fx-1\u001fMX'],
      [1, 'US', 'fx-1\u001fUS'],
      [5, 'fx-report-2026', 'fx-1\u001ffx-report-2026'],
    ]);
  });

  test('JSON Lines: a line whose kind disagrees with the file name is a problem', () => {
    const text = `${JSON.stringify({ kind: 'Plant', id: 'p', name: 'P' })}\n`;
    const response = checkBlock({
      format: 'jsonl',
      fileName: 'companies.jsonl',
      kind: 'Company',
      text,
      firstLine: 1,
    });
    expect(response.checked).toEqual([]);
    expect(response.problems).toEqual([
      expect.objectContaining({
        line: 1,
        field: 'kind',
        message: 'is Plant, but the file name says Company',
      }),
    ]);
  });

  test('CSV: rows as records by the header columns; a row of the wrong width is a problem', () => {
    const columns = [
      { name: 'id', index: 0 },
      { name: 'name', index: 1 },
      { name: 'aliases', index: 2 },
      { name: 'companyType', index: 3 },
    ];
    const text = 'acme,Acme,A|Ac,manufacturer\nshort,Short\n"multi","Multi\nLine",,supplier\n';
    const response = checkBlock({
      format: 'csv',
      fileName: 'companies.csv',
      kind: 'Company',
      text,
      firstLine: 2,
      columns,
      width: 4,
    });
    expect(response.records).toBe(3);
    expect(response.problems).toEqual([
      expect.objectContaining({ line: 3, message: 'has 2 cells where the header has 4' }),
    ]);
    expect(response.checked.map((checked) => [checked.line, checked.t === 'n' ? checked.row : null])).toEqual(
      [
        [2, expect.objectContaining({ id: 'acme', aliases: ['A', 'Ac'] })],
        [4, expect.objectContaining({ id: 'multi', name: 'Multi\nLine' })],
      ],
    );
  });
});
