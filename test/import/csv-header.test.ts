import { csvHeader } from '../../src/import/csv-header';
import type { Problem } from '../../src/import/problems';

const file = { name: 'companies.csv', kind: 'Company' as const };

describe('CSV header', () => {
  test('the columns that are fields; unknown and repeated ones reported; blank lines before it skipped', () => {
    const problems: Problem[] = [];
    const found = csvHeader(file, '\n\nid,name,colour,name\nacme,Acme,red,Acme\n', 1, problems);
    expect(found).toEqual({
      header: {
        columns: [
          { name: 'id', index: 0 },
          { name: 'name', index: 1 },
        ],
        width: 4,
      },
      rest: 'acme,Acme,red,Acme\n',
      firstLine: 4,
    });
    expect(problems).toEqual([
      expect.objectContaining({
        line: 3,
        field: 'colour',
        message: expect.stringContaining('is not a field of Company'),
      }),
      expect.objectContaining({ line: 3, field: 'name', message: 'is a repeated column' }),
    ]);
  });

  test('a quoted header cell may hold a line break; a block of blank lines has no header', () => {
    const found = csvHeader(file, '"id","na\nme"\nacme,Acme\n', 1, []);
    expect(found?.rest).toBe('acme,Acme\n');
    expect(found?.firstLine).toBe(3);
    expect(csvHeader(file, '\n  \n', 1, [])).toBeNull();
  });
});
