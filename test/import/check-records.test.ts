import { checkRecord } from '../../src/import/check-records';
import type { Problem } from '../../src/import/problems';

function check(kind: Parameters<typeof checkRecord>[0]['kind'], fields: Record<string, unknown>) {
  const problems: Problem[] = [];
  const checked = checkRecord({ kind, file: 0, line: 7, fields }, 'change.jsonl', {
    push: (p) => problems.push(p),
  });
  return { checked, problems };
}

describe('Check records', () => {
  test('a whole entity becomes its row; an entity of only some fields is an amendment', () => {
    const whole = check('Company', {
      id: 'acme',
      name: 'Acme',
      companyType: 'manufacturer',
      sources: ['s1'],
    });
    expect(whole.problems).toEqual([]);
    expect(whole.checked).toMatchObject({
      t: 'n',
      kind: 'Company',
      id: 'acme',
      patch: false,
      sources: ['s1'],
    });
    const amendment = check('Company', { id: 'acme', aliases: ['ACME'] });
    expect(amendment.checked).toMatchObject({
      patch: true,
      given: ['id', 'aliases'],
      row: { id: 'acme', aliases: ['ACME'] },
    });
  });

  test('a field set to null is cleared when the kind allows it to be absent, refused otherwise', () => {
    expect(check('Company', { id: 'acme', description: null }).checked).toMatchObject({
      cleared: ['description'],
    });
    const refused = check('Company', { id: 'acme', name: null });
    expect(refused.checked).toBeNull();
    expect(refused.problems).toEqual([
      expect.objectContaining({
        line: 7,
        record: 'acme',
        field: 'name',
        message: expect.stringContaining('cannot be cleared'),
      }),
    ]);
  });

  test('a claim checks its properties against its type; a statistic is packed with its targets', () => {
    const claim = check('Relationship', {
      type: 'MEMBER_OF',
      from: 'a',
      to: 'b',
      source: 's',
      role: 'chair',
    });
    expect(claim.checked).toBeNull();
    expect(claim.problems).toEqual([
      expect.objectContaining({
        record: 'MEMBER_OF a→b',
        field: 'role',
        message: 'MEMBER_OF relationships do not carry "role"',
      }),
    ]);
    const statistic = check('Statistic', {
      id: 'fx-1',
      subject: 'MX',
      metric: 'exports',
      value: 3,
      unit: 'vehicles',
      period: '2026-01',
      source: 'src',
    });
    expect(statistic.checked).toMatchObject({
      t: 's',
      id: 'fx-1',
      row: null,
      targets: ['MX', null, null, null, null, 'src'],
    });
  });
});
