import { Repeats } from '../../src/import/repeats';
import { checkedLines, problemsOf, reportFor } from '../helpers/import-stages';

const company = { kind: 'Company', id: 'acme', name: 'Acme', companyType: 'manufacturer' };
const claim = { kind: 'Relationship', type: 'MEMBER_OF', from: 'acme', to: 'truckmakers', source: 's1' };

describe('Repeats within an import', () => {
  test('an exact repeat is counted and dropped; a different record with the same id is a problem naming the first', () => {
    const report = reportFor('a.jsonl', 'b.jsonl');
    const repeats = new Repeats(report, 100);
    const first = checkedLines([company, claim], 0);
    expect(repeats.admit(first.checked, first.files).map((valid) => valid.type)).toEqual(['node', 'claim']);
    const second = checkedLines([company, { ...company, name: 'Acme Two' }, { ...claim, asOf: '2024' }], 1);
    expect(repeats.admit(second.checked, second.files)).toEqual([]);
    expect(report.duplicates).toBe(1);
    expect(problemsOf(report)).toEqual([
      {
        file: 'b.jsonl',
        line: 2,
        record: 'acme',
        field: 'id',
        message: 'repeats the id "acme" of the record at a.jsonl:1 with different content',
      },
      {
        file: 'b.jsonl',
        line: 3,
        record: 'MEMBER_OF acme→truckmakers',
        message: 'repeats the claim at a.jsonl:2 with different properties',
      },
    ]);
  });

  test('admitted records carry their references: an entity its sources, a claim its ends and source', () => {
    const report = reportFor('a.jsonl');
    const { checked, files } = checkedLines([{ ...company, sources: ['s1', 's2'] }, claim]);
    const [node, relationship] = new Repeats(report, 10).admit(checked, files);
    expect(node?.type === 'node' && node.refs.map((ref) => [ref.field, ref.id])).toEqual([
      ['sources.0', 's1'],
      ['sources.1', 's2'],
    ]);
    expect(
      relationship?.type === 'claim' && relationship.refs.map((ref) => [ref.field, ref.id, ref.allowed]),
    ).toEqual([
      ['from', 'acme', expect.arrayContaining(['Company'])],
      ['to', 'truckmakers', ['Association']],
      ['source', 's1', ['Source']],
    ]);
  });
});
