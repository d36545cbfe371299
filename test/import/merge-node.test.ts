import { equalValues, holds, mergeNode, rowOfNode } from '../../src/import/merge-node';

const stored = {
  id: 'acme',
  name: 'Acme',
  aliases: ['A'],
  description: 'Makes trucks.',
  sources: ['s1'],
  searchText: 'acme acme a',
};

describe('Merge a record into a stored node', () => {
  test('additive: given fields replace, lists merge, nulls clear; each change listed, overwrites marked', () => {
    const { row, changes } = mergeNode(
      'Company',
      stored,
      {
        row: { id: 'acme', name: 'ACME', aliases: ['B', 'A'] },
        given: ['id', 'name', 'aliases'],
        cleared: ['description'],
      },
      false,
    );
    expect(row).toMatchObject({ name: 'ACME', aliases: ['A', 'B'], description: null, sources: ['s1'] });
    expect(row.searchText).toContain('b');
    expect(changes).toEqual([
      { field: 'name', before: 'Acme', after: 'ACME', overwrites: true },
      { field: 'aliases', before: ['A'], after: ['A', 'B'], overwrites: false },
      { field: 'description', before: 'Makes trucks.', after: null, overwrites: true },
    ]);
  });

  test('replaceEntities: the record is the whole entity; a list that loses an entry overwrites', () => {
    const { row, changes } = mergeNode(
      'Company',
      stored,
      {
        row: { id: 'acme', name: 'Acme', aliases: ['B'], description: null, sources: ['s1'] },
        given: ['id', 'name', 'aliases'],
        cleared: [],
      },
      true,
    );
    expect(row).toMatchObject({ aliases: ['B'], description: null });
    expect(changes.map((change) => [change.field, change.overwrites])).toEqual([
      ['aliases', true],
      ['description', true],
    ]);
  });

  test('nothing new: no change', () => {
    expect(
      mergeNode(
        'Company',
        stored,
        { row: { id: 'acme', aliases: ['A'] }, given: ['id', 'aliases'], cleared: [] },
        false,
      ).changes,
    ).toEqual([]);
  });

  test('a stored node as its row, and equality of rows', () => {
    expect(
      rowOfNode({
        id: 's1',
        kind: 'Source',
        properties: { kind: 'Source', id: 's1', name: 'T', title: 'T' },
      }),
    ).toEqual({ id: 's1', title: 'T' });
    expect(holds({ id: 'x', value: 2, tags: ['a'] }, { value: 2, tags: ['a'] })).toBe(true);
    expect(holds({ id: 'x', value: 2 }, { value: 3 })).toBe(false);
    expect(equalValues(undefined, null)).toBe(true);
    expect(equalValues(['a', 'b'], ['b', 'a'])).toBe(false);
  });
});
