import neo4j from 'neo4j-driver';
import { toNeo4jParams } from '../../../src/store/neo4j/neo4j-store.js';
import { mapNeo4jFields, mapNeo4jRecord } from '../../../src/store/neo4j/values.js';

const { Node, Relationship, Path, PathSegment, Record } = neo4j.types;

const company = new Node(
  neo4j.int(1),
  ['Company'],
  { id: 'company:acme', name: 'Acme', aliases: ['ACME SA'], employees: neo4j.int(1200) },
  'el:1',
);
const plant = new Node(neo4j.int(2), ['Plant'], { id: 'plant:acme-monterrey', name: 'Monterrey' }, 'el:2');
const association = new Node(
  neo4j.int(3),
  ['Association'],
  { id: 'association:index', name: 'INDEX' },
  'el:3',
);
const operates = new Relationship(
  neo4j.int(10),
  neo4j.int(1),
  neo4j.int(2),
  'OPERATES',
  { source: 'source:report', since: '2019' },
  'rel:10',
  'el:1',
  'el:2',
);
const memberOf = new Relationship(
  neo4j.int(11),
  neo4j.int(1),
  neo4j.int(3),
  'MEMBER_OF',
  { source: 'source:directory', share: 0.5 },
  'rel:11',
  'el:1',
  'el:3',
);

describe('Neo4j values', () => {
  test('scalars pass through unchanged', () => {
    expect(mapNeo4jFields({ a: null, b: true, c: 1.5, d: 'text' })).toEqual({
      a: null,
      b: true,
      c: 1.5,
      d: 'text',
    });
  });

  test('integers become numbers', () => {
    expect(mapNeo4jFields({ count: neo4j.int(42), negative: neo4j.int(-7) })).toEqual({
      count: 42,
      negative: -7,
    });
  });

  test('an integer beyond the safe range is refused rather than rounded', () => {
    expect(() => mapNeo4jFields({ count: neo4j.int('9007199254740993') })).toThrow(
      /9007199254740993.*outside the range/,
    );
  });

  test('dates become ISO dates and date-times ISO strings', () => {
    const row = mapNeo4jFields({
      date: new neo4j.types.Date(2024, 3, 9),
      local: new neo4j.types.LocalDateTime(2024, 3, 9, 14, 5, 0, 0),
      utc: new neo4j.types.DateTime(2024, 3, 9, 14, 5, 0, 0, 0),
      offset: new neo4j.types.DateTime(2024, 3, 9, 8, 5, 0, 0, -6 * 3600, 'America/Monterrey'),
    });
    expect(row).toEqual({
      date: '2024-03-09',
      local: '2024-03-09T14:05:00',
      utc: '2024-03-09T14:05:00Z',
      offset: '2024-03-09T08:05:00-06:00',
    });
    expect(new Date(row.offset as string).toISOString()).toBe('2024-03-09T14:05:00.000Z');
  });

  test('a node becomes a GraphNode of its label with mapped properties', () => {
    expect(mapNeo4jFields({ n: company })).toEqual({
      n: {
        kind: 'Company',
        id: 'company:acme',
        properties: { id: 'company:acme', name: 'Acme', aliases: ['ACME SA'], employees: 1200 },
      },
    });
  });

  test('a node of a label outside the domain is refused', () => {
    const meta = new Node(neo4j.int(9), ['Meta'], { key: 'fingerprint', value: 'abc' }, 'el:9');
    expect(() => mapNeo4jFields({ n: meta })).toThrow(/unknown kind \(labels: Meta\)/);
  });

  test('a node without a string id is refused', () => {
    const anonymous = new Node(neo4j.int(8), ['Company'], { name: 'Nameless' }, 'el:8');
    expect(() => mapNeo4jFields({ n: anonymous })).toThrow(/Company node without a string id/);
  });

  test('a relationship names its ends by the domain ids of nodes in the same row', () => {
    expect(mapNeo4jFields({ a: company, r: operates, b: plant }).r).toEqual({
      type: 'OPERATES',
      startId: 'company:acme',
      endId: 'plant:acme-monterrey',
      properties: { source: 'source:report', since: '2019' },
    });
  });

  test('a relationship finds its ends inside lists and maps of the row', () => {
    const row = mapNeo4jFields({ nodes: [company, association], rels: [{ rel: memberOf }] });
    expect(row.rels).toEqual([
      {
        rel: {
          type: 'MEMBER_OF',
          startId: 'company:acme',
          endId: 'association:index',
          properties: { source: 'source:directory', share: 0.5 },
        },
      },
    ]);
  });

  test('a relationship whose end node is not in the row is refused', () => {
    expect(() => mapNeo4jFields({ a: company, r: operates })).toThrow(
      /relationship OPERATES was returned without its end node in the same row/,
    );
    expect(() => mapNeo4jFields({ r: operates, b: plant })).toThrow(/without its start node/);
  });

  test('a path lists its nodes and edges in order, edges keeping their own direction', () => {
    // Plant <-OPERATES- Company -MEMBER_OF-> Association, walked from the plant.
    const path = new Path(plant, association, [
      new PathSegment(plant, operates, company),
      new PathSegment(company, memberOf, association),
    ]);
    const mapped = mapNeo4jFields({ path }).path;
    expect(mapped).toEqual({
      nodes: [
        expect.objectContaining({ kind: 'Plant', id: 'plant:acme-monterrey' }),
        expect.objectContaining({ kind: 'Company', id: 'company:acme' }),
        expect.objectContaining({ kind: 'Association', id: 'association:index' }),
      ],
      edges: [
        {
          type: 'OPERATES',
          startId: 'company:acme',
          endId: 'plant:acme-monterrey',
          properties: operates.properties,
        },
        {
          type: 'MEMBER_OF',
          startId: 'company:acme',
          endId: 'association:index',
          properties: { source: 'source:directory', share: 0.5 },
        },
      ],
    });
  });

  test('a path of length zero is its one node', () => {
    const mapped = mapNeo4jFields({ path: new Path(company, company, []) }).path;
    expect(mapped).toEqual({ nodes: [expect.objectContaining({ id: 'company:acme' })], edges: [] });
  });

  test('lists and maps map recursively', () => {
    expect(
      mapNeo4jFields({
        groups: [{ kind: 'Company', count: neo4j.int(3), when: [new neo4j.types.Date(2025, 1, 31)] }],
      }),
    ).toEqual({ groups: [{ kind: 'Company', count: 3, when: ['2025-01-31'] }] });
  });

  test('a value of an unsupported type is refused', () => {
    expect(() => mapNeo4jFields({ bytes: new Uint8Array([1, 2]) })).toThrow(/unsupported type Uint8Array/);
  });

  test('a driver record maps column by column', () => {
    const record = new Record(['kind', 'count', 'node'], ['Company', neo4j.int(12), company]);
    expect(mapNeo4jRecord(record)).toEqual({
      kind: 'Company',
      count: 12,
      node: expect.objectContaining({ kind: 'Company', id: 'company:acme' }),
    });
  });
});

describe('Neo4j parameters', () => {
  test('counting parameters travel as integers and data numbers as floats', () => {
    const params = toNeo4jParams({
      limit: 10,
      maxLength: 4,
      skip: 0,
      value: 5,
      rows: [{ value: 7 }],
      from: 'a',
    });
    expect(neo4j.isInt(params.limit)).toBe(true);
    expect(neo4j.isInt(params.maxLength)).toBe(true);
    expect(neo4j.isInt(params.skip)).toBe(true);
    expect(params.value).toBe(5);
    expect(params.rows).toEqual([{ value: 7 }]);
    expect(params.from).toBe('a');
  });

  test('a fractional or missing count is left for the server to refuse', () => {
    expect(toNeo4jParams({ limit: 2.5, first: null })).toEqual({ limit: 2.5, first: null });
  });
});
