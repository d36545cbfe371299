import { parse as parseCsv } from 'csv-parse/sync';
import { bibtex, cslJson } from '../../src/export/flat/cite';
import { citedQuery, FlatQueryError } from '../../src/export/flat/cited-query';
import { flatCsv, flattenAnswer } from '../../src/export/flat/flatten';
import { tradeGraphSchema } from '../../src/graphql/schema';

describe('flattenAnswer', () => {
  test('one row per innermost object, parents repeated, nested objects as columns', () => {
    const table = flattenAnswer({
      ranking: {
        rows: [
          {
            rank: 1,
            subject: { name: 'Freightliner' },
            statistics: [
              { value: 3556, source: { publisher: 'El Horizonte' } },
              { value: 3556, source: { publisher: 'FreightWaves' } },
            ],
          },
          { rank: 2, subject: { name: 'International' }, statistics: [] },
        ],
        notes: ['first note', 'second note'],
      },
    });
    expect(table.columns).toEqual([
      'rows.rank',
      'rows.subject.name',
      'rows.statistics.value',
      'rows.statistics.source.publisher',
      'notes',
    ]);
    expect(table.rows).toEqual([
      {
        'rows.rank': 1,
        'rows.subject.name': 'Freightliner',
        'rows.statistics.value': 3556,
        'rows.statistics.source.publisher': 'El Horizonte',
        notes: 'first note | second note',
      },
      {
        'rows.rank': 1,
        'rows.subject.name': 'Freightliner',
        'rows.statistics.value': 3556,
        'rows.statistics.source.publisher': 'FreightWaves',
        notes: 'first note | second note',
      },
      { 'rows.rank': 2, 'rows.subject.name': 'International', notes: 'first note | second note' },
    ]);
  });

  test('sibling lists add their own rows instead of multiplying', () => {
    const table = flattenAnswer({ x: { id: 'a', left: [{ l: 1 }, { l: 2 }], right: [{ r: 3 }] } });
    expect(table.rows).toEqual([
      { id: 'a', 'left.l': 1 },
      { id: 'a', 'left.l': 2 },
      { id: 'a', 'right.r': 3 },
    ]);
  });

  test('a root list drops its name; several roots keep theirs', () => {
    expect(flattenAnswer({ search: [{ score: 100 }, { score: 30 }] }).rows).toEqual([
      { score: 100 },
      { score: 30 },
    ]);
    expect(flattenAnswer({ a: { id: 'x' }, b: { id: 'y' } }).rows).toEqual([{ 'a.id': 'x', 'b.id': 'y' }]);
  });

  test('CSV has a header, quotes what needs quoting and leaves nulls empty', () => {
    const csv = flatCsv(
      flattenAnswer({ rows: [{ title: 'A, "quoted" title', published: null, ok: true, n: 1.5 }] }),
    );
    expect(csv).toBe('title,published,ok,n\r\n"A, ""quoted"" title",,true,1.5\r\n');
    expect(parseCsv(csv, { columns: true })).toEqual([
      { title: 'A, "quoted" title', published: '', ok: 'true', n: '1.5' },
    ]);
  });
});

describe('citedQuery', () => {
  const schema = tradeGraphSchema();

  test('adds the source columns to statistics, claims and edges, not to the root lookup', () => {
    const query = citedQuery(
      schema,
      '{ source(id: "a") { title } company(id: "x") { statistics { value } members: relations { claims { asOf } } } paths(from: "a", to: "b") { edges { type source { publisher } } } }',
      3000,
    );
    const citations = query.match(/source \{\s*title\s*publisher\s*published\s*url\s*\}/g) ?? [];
    expect(citations).toHaveLength(3);
    expect(query).toMatch(/source\(id: "a"\) \{\s*title\s*\}/);
  });

  test('refuses mutations, several operations and documents that do not parse', () => {
    expect(() => citedQuery(schema, 'mutation { x }', 3000)).toThrow(FlatQueryError);
    expect(() => citedQuery(schema, 'mutation { x }', 3000)).toThrow(/queries only/);
    expect(() =>
      citedQuery(schema, 'query a { metrics { name } } query b { metrics { name } }', 3000),
    ).toThrow(/exactly one operation/);
    expect(() => citedQuery(schema, '{ company(', 3000)).toThrow(/not valid GraphQL/);
  });
});

describe('citations', () => {
  const source = {
    id: 'a045-elhorizonte',
    title: 'La industria de vehículos pesados: 50% & más_{x}',
    publisher: 'El Horizonte',
    published: '2026-02-05',
    url: 'https://www.elhorizonte.mx/x',
    language: 'es',
  };

  test('CSL-JSON carries the issued and accessed dates as date-parts', () => {
    expect(cslJson(source, '2026-11-29')).toEqual({
      id: 'a045-elhorizonte',
      type: 'article-newspaper',
      title: source.title,
      'container-title': 'El Horizonte',
      publisher: 'El Horizonte',
      issued: { 'date-parts': [[2026, 2, 5]] },
      URL: 'https://www.elhorizonte.mx/x',
      accessed: { 'date-parts': [[2026, 11, 29]] },
      language: 'es',
    });
    expect(cslJson({ ...source, published: null }, '2026-11-29')).not.toHaveProperty('issued');
  });

  test('BibTeX escapes special characters and records the retrieval date', () => {
    const entry = bibtex(source, '2026-11-29');
    expect(entry).toContain('@online{a045-elhorizonte,');
    expect(entry).toContain('title = {La industria de vehículos pesados: 50\\% \\& más\\_\\{x\\}}');
    expect(entry).toContain('month = feb');
    expect(entry).toContain('urldate = {2026-11-29}');
    expect(entry).toContain('langid = {spanish}');
    expect(entry.trim().endsWith('}')).toBe(true);
  });
});
