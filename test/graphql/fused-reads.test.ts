import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { nestingDepth, operations } from '../../bench/suite/operations';
import type { Probes } from '../../bench/suite/dataset';
import { generateDataset } from '../../src/generate';
import { defaultDataDirectory } from '../../src/import/dataset';
import { importFiles } from '../../src/import/import';
import { createTradeGraph, type TradeGraph } from '../../src/trade-graph';
import { openLoadedEngineStore, testEngines, type OpenedStore } from '../helpers/engines';
import { countingStore, query } from '../helpers/graphs';
import { TINY_SIZES } from '../helpers/generated';

/*
 * The fused read path (an entity read with its claims when relations are selected; statistics read
 * with their sources and destinations) answers what the generated records say, on both engines,
 * and within the statement budget: at most 2 statements per request once warm, never more than
 * the nesting depth cold. The expected answers are built from the generator's files, not from the
 * API, so a fused statement that dropped, repeated or mismatched a row would show.
 */

type Record_ = Record<string, unknown>;

interface Records {
  readonly names: Map<string, string>;
  readonly titles: Map<string, string>;
  readonly relationships: readonly Record_[];
  readonly statistics: readonly Record_[];
}

function readRecords(files: readonly string[]): Records {
  const names = new Map<string, string>();
  const titles = new Map<string, string>();
  let relationships: Record_[] = [];
  let statistics: Record_[] = [];
  for (const file of files) {
    const records = readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as Record_);
    const base = path.basename(file);
    if (base === 'relationships.jsonl') relationships = records;
    else if (base === 'statistics.jsonl') statistics = records;
    else if (base === 'sources.jsonl') for (const r of records) titles.set(String(r.id), String(r.title));
    else for (const r of records) names.set(String(r.id), String(r.name));
  }
  return { names, titles, relationships, statistics };
}

const byName = (names: Map<string, string>) => (a: string, b: string) =>
  (names.get(a) ?? a).localeCompare(names.get(b) ?? b);

/** A statistic's figure with its ends, as the queries below select it. */
function figure(records: Records, s: Record_): Record_ {
  const destination = typeof s.destination === 'string' ? s.destination : null;
  return {
    id: s.id,
    value: s.value,
    destination: destination === null ? null : { id: destination, name: records.names.get(destination) },
    source: { id: s.source, title: records.titles.get(String(s.source)) },
  };
}

/** Months only in the generated statistics: a period's start sorts as its label. */
const periodOrder = (a: Record_, b: Record_): number =>
  String(a.period).localeCompare(String(b.period)) || String(a.id).localeCompare(String(b.id));

describe.each(testEngines())('fused reads on a generated graph (%s)', (engine) => {
  let opened: OpenedStore;
  let graph: TradeGraph;
  let probes: Probes;
  let records: Records;
  let calls: string[];
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'tradegraph-fused-'));

  beforeAll(async () => {
    // The curated dataset first, as every store gets it: the generated records refer to its countries
    // (on the embedded engine a copy of the worker's loaded template; createTradeGraph finds it loaded).
    opened = await openLoadedEngineStore(engine, defaultDataDirectory());
    const counting = countingStore(opened.store);
    calls = counting.calls;
    graph = await createTradeGraph({ store: counting });
    const summary = await generateDataset({ scale: 'S', seed: 11, outDir: scratch, sizes: TINY_SIZES });
    await importFiles(opened.store, summary.files);
    probes = summary.probes;
    records = readRecords(summary.files);
    // Names of the curated entities the generated records refer to, each read by a plain lookup
    // (the unfused path: its kind looked up, then its node).
    const referred = new Set(
      [...records.statistics.map((s) => s.destination), ...records.relationships.map((r) => r.to)].filter(
        (id): id is string => typeof id === 'string' && !records.names.has(id),
      ),
    );
    for (const id of referred) {
      const data = await query<{ node: { name?: string } | null }>(
        graph,
        'query ($id: ID!) { node(id: $id) { ... on Entity { name } } }',
        { id },
      );
      if (data.node?.name !== undefined) records.names.set(id, data.node.name);
    }
  }, 600_000);
  afterAll(async () => {
    await opened?.dispose();
    rmSync(scratch, { recursive: true, force: true });
  });

  const membersOf = (association: string): string[] =>
    [
      ...new Set(
        records.relationships
          .filter((r) => r.type === 'MEMBER_OF' && r.to === association)
          .map((r) => String(r.from)),
      ),
    ].sort(byName(records.names));

  test('an association with its members and each claim’s source', async () => {
    const data = await query(
      graph,
      `query ($id: ID!) { association(id: $id) { id name members { node { id name } claims { asOf source { id title } } } } }`,
      { id: probes.association },
    );
    const claimsOf = (member: string): Record_[] =>
      records.relationships
        .filter((r) => r.type === 'MEMBER_OF' && r.to === probes.association && r.from === member)
        .map((r) => ({
          asOf: typeof r.asOf === 'string' ? r.asOf : null,
          source: { id: r.source, title: records.titles.get(String(r.source)) },
        }))
        .sort(
          (a, b) =>
            String(b.asOf ?? '').localeCompare(String(a.asOf ?? '')) ||
            String((a.source as Record_).id).localeCompare(String((b.source as Record_).id)),
        );
    expect(membersOf(probes.association).length).toBeGreaterThan(2);
    expect(data).toEqual({
      association: {
        id: probes.association,
        name: records.names.get(probes.association),
        members: membersOf(probes.association).map((id) => ({
          node: { id, name: records.names.get(id) },
          claims: claimsOf(id),
        })),
      },
    });
  });

  test('members’ figures in a month, with their destinations and sources', async () => {
    const data = await query(
      graph,
      `query ($id: ID!, $period: String!) { association(id: $id) { members { node { id
        statistics(metric: "exports", period: $period) { id value destination { id name } source { id title } } } } } }`,
      { id: probes.association, period: probes.period },
    );
    const expected = membersOf(probes.association).map((id) => ({
      node: {
        id,
        statistics: records.statistics
          .filter((s) => s.subject === id && s.metric === 'exports' && s.period === probes.period)
          .sort(periodOrder)
          .map((s) => figure(records, s)),
      },
    }));
    expect(expected.flatMap((m) => m.node.statistics).some((s) => s.destination !== null)).toBe(true);
    expect(data).toEqual({ association: { members: expected } });
  });

  test('figures shown without their sources or destinations are read without them', async () => {
    const year = probes.period.slice(0, 4);
    const counted = async (
      selection: string,
      filter: string,
      fragments = '',
    ): Promise<{
      data: { association: { members: { node: { statistics: Record_[] } }[] } };
      calls: string[];
    }> => {
      const fresh = await createTradeGraph({ store: countingStore(opened.store) });
      const store = fresh.store as ReturnType<typeof countingStore>;
      store.calls.length = 0;
      const data = await query<{ association: { members: { node: { statistics: Record_[] } }[] } }>(
        fresh,
        `query ($id: ID!, $p: String!) { association(id: $id) { members { node { id
          statistics(metric: "exports", ${filter}: $p) { ${selection} } } } } } ${fragments}`,
        { id: probes.association, p: filter === 'within' ? year : probes.period },
      );
      return { data, calls: store.calls };
    };
    const expected = (inPeriod: (s: Record_) => boolean): Record_[] =>
      membersOf(probes.association).flatMap((id) =>
        records.statistics
          .filter((s) => s.subject === id && s.metric === 'exports' && inPeriod(s))
          .sort(periodOrder)
          .map((s) => ({ id: s.id, value: s.value })),
      );
    const figures = (data: { association: { members: { node: { statistics: Record_[] } }[] } }): Record_[] =>
      data.association.members.flatMap((m) => m.node.statistics);

    // Walking the members' statistics over a year, and through the keys of one month.
    const ofYear = await counted('id value', 'within');
    expect(ofYear.calls).toEqual(['relations-of-association-brief', 'statistics-of-company-without-ends']);
    const inYear = expected((s) => String(s.period).startsWith(year));
    expect(inYear.length).toBeGreaterThan(0);
    expect(figures(ofYear.data)).toEqual(inYear);
    const ofMonth = await counted('id value', 'period');
    expect(ofMonth.calls).toEqual([
      'relations-of-association-brief',
      'statistics-of-company-by-key-without-ends',
    ]);
    expect(figures(ofMonth.data)).toEqual(expected((s) => s.period === probes.period));

    // The same figures shown with their sources (here through a fragment): read with them, in one
    // statement still, and the same list.
    const withSources = await counted(
      'id value ...cited',
      'within',
      'fragment cited on Statistic { source { id title } }',
    );
    expect(withSources.calls.slice(0, 2)).toEqual([
      'relations-of-association-brief',
      'statistics-of-company',
    ]);
    expect(withSources.calls).toHaveLength(2);
    expect(figures(withSources.data).map(({ id, value }) => ({ id, value }))).toEqual(inYear);
  });

  test('entities reached read brief answer as when read whole: the neighbourhood, members, a ranking', async () => {
    const run = async (text: string, variables: Record<string, unknown>) => {
      const fresh = await createTradeGraph({ store: countingStore(opened.store) });
      const store = fresh.store as ReturnType<typeof countingStore>;
      store.calls.length = 0;
      const data = await query<Record_>(fresh, text, variables);
      return { data, calls: [...store.calls] };
    };
    // Each query twice: showing only what a brief node holds, then also a field it does not hold
    // (dropped from the answer before comparing).
    const pairs: { name: string; brief: string; whole: string; variables: Record<string, unknown> }[] = [
      {
        name: 'neighbourhood',
        brief: `query ($id: ID!) { neighbours(id: $id, depth: 2, first: 200) { nodes { id name kind }
          edges { type fromId toId source { id } asOf role since until } truncated } }`,
        whole: `query ($id: ID!) { neighbours(id: $id, depth: 2, first: 200) { nodes { id name kind description }
          edges { type fromId toId source { id } asOf role since until } truncated } }`,
        variables: { id: probes.company },
      },
      {
        name: 'incoming only',
        brief: `query ($id: ID!) { neighbours(id: $id, direction: IN, depth: 2) { nodes { id name } edges { type fromId toId } } }`,
        whole: `query ($id: ID!) { neighbours(id: $id, direction: IN, depth: 2) { nodes { id name aliases } edges { type fromId toId } } }`,
        variables: { id: probes.association },
      },
      {
        name: 'members',
        brief: `query ($id: ID!) { association(id: $id) { relations { type direction node { id name kind } claims { source { id } asOf } } } }`,
        whole: `query ($id: ID!) { association(id: $id) { relations { type direction node { id name kind wikidata } claims { source { id } asOf } } } }`,
        variables: { id: probes.association },
      },
      {
        name: 'ranking',
        brief: `query ($a: ID!, $p: String!) { ranking(input: { membersOf: $a, metric: "exports", period: $p }) {
          rows { rank value subject { id name } } } }`,
        whole: `query ($a: ID!, $p: String!) { ranking(input: { membersOf: $a, metric: "exports", period: $p }) {
          rows { rank value subject { id name aliases } } } }`,
        variables: { a: probes.association, p: probes.period },
      },
    ];
    const dropWholeOnly = (value: unknown): unknown => {
      if (Array.isArray(value)) return value.map(dropWholeOnly);
      if (typeof value !== 'object' || value === null) return value;
      return Object.fromEntries(
        Object.entries(value)
          .filter(([key]) => !['description', 'aliases', 'wikidata'].includes(key))
          .map(([key, item]) => [key, dropWholeOnly(item)]),
      );
    };
    for (const { name, brief, whole, variables } of pairs) {
      const briefRead = await run(brief, variables);
      const wholeRead = await run(whole, variables);
      expect({ name, brief: briefRead.calls.some((c) => c.endsWith('-brief')) }).toEqual({
        name,
        brief: true,
      });
      expect({ name, brief: wholeRead.calls.some((c) => c.endsWith('-brief')) }).toEqual({
        name,
        brief: false,
      });
      expect(JSON.stringify(briefRead.data).length).toBeGreaterThan(100);
      expect({ name, data: briefRead.data }).toEqual({ name, data: dropWholeOnly(wholeRead.data) });
    }
  });

  test('a time series with its destinations and sources', async () => {
    const within = `${probes.timeSeriesFrom}/${probes.timeSeriesTo}`;
    const data = await query(
      graph,
      `query ($s: ID!, $m: String!, $w: String!) { statistics(subjects: [$s], metric: $m, within: $w) {
        id value destination { id name } source { id title } } }`,
      { s: probes.timeSeriesSubject, m: probes.timeSeriesMetric, w: within },
    );
    const expected = records.statistics
      .filter(
        (s) =>
          s.subject === probes.timeSeriesSubject &&
          s.metric === probes.timeSeriesMetric &&
          String(s.period) >= probes.timeSeriesFrom &&
          String(s.period) <= probes.timeSeriesTo &&
          /^\d{4}-\d{2}$/.test(String(s.period)),
      )
      .sort(periodOrder)
      .map((s) => figure(records, s));
    expect(expected.length).toBeGreaterThan(0);
    expect(data).toEqual({ statistics: expected });
  });

  test('a time series’ computed changes cost no statement of their own', async () => {
    const counted = async (selection: string): Promise<{ data: unknown; statements: number }> => {
      const fresh = await createTradeGraph({ store: countingStore(opened.store) });
      const store = fresh.store as ReturnType<typeof countingStore>;
      const data = await query(
        fresh,
        `query ($s: ID!, $m: String!) { statistics(subjects: [$s], metric: $m) { ${selection} } }`,
        { s: probes.timeSeriesSubject, m: probes.timeSeriesMetric },
      );
      return { data, statements: store.calls.length };
    };
    const plain = await counted('id value');
    const withChanges = await counted('id value computedChange { percent comparedTo { id value } }');
    expect(withChanges.statements).toBe(plain.statements);
    // The list read with its sources serves the changes too, which show none.
    const cited = await counted('id value source { id } computedChange { percent comparedTo { id } }');
    expect(cited.statements).toBe(plain.statements);
    // Changes that show the compared figure's source: each one its own.
    const comparedSources = await counted('id computedChange { comparedTo { id source { id title } } }');
    const compared = (comparedSources.data as { statistics: Record_[] }).statistics
      .map((row) => (row.computedChange as { comparedTo: Record_ } | null)?.comparedTo)
      .filter((row): row is Record_ => row !== undefined);
    expect(compared.length).toBeGreaterThan(0);
    for (const row of compared) {
      const stored = records.statistics.find((r) => r.id === row.id) as Record_;
      expect(row.source).toEqual({ id: stored.source, title: records.titles.get(String(stored.source)) });
    }

    type Row = {
      id: string;
      value: number;
      computedChange: { percent: number; comparedTo: { id: string; value: number } } | null;
    };
    const rows = (withChanges.data as { statistics: Row[] }).statistics;
    const byId = new Map(records.statistics.map((r) => [String(r.id), r]));
    const changes = rows.filter((row) => row.computedChange !== null);
    expect(changes.length).toBeGreaterThan(0);
    for (const row of changes) {
      const change = row.computedChange as NonNullable<Row['computedChange']>;
      const earlier = byId.get(change.comparedTo.id);
      expect(earlier?.subject).toBe(probes.timeSeriesSubject);
      expect(earlier?.metric).toBe(probes.timeSeriesMetric);
      expect(change.percent).toBe(
        Math.round(((row.value - change.comparedTo.value) / change.comparedTo.value) * 10_000) / 100,
      );
    }
  });

  test('ranked rows cite their statistics’ own sources and destinations', async () => {
    const data = await query<{
      ranking: { rows: { subject: { id: string }; statistics: { id: string }[] }[] };
    }>(
      graph,
      `query ($a: ID!, $d: ID!, $p: String!) { ranking(input: { membersOf: $a, metric: "exports", period: $p, destination: $d }) {
        rows { subject { id name } statistics { id value destination { id name } source { id title } } } } }`,
      { a: probes.association, d: probes.destination, p: probes.period },
    );
    const byId = new Map(records.statistics.map((s) => [String(s.id), s]));
    expect(data.ranking.rows.length).toBeGreaterThan(0);
    for (const row of data.ranking.rows) {
      expect(row.subject).toEqual({ id: row.subject.id, name: records.names.get(row.subject.id) });
      expect(membersOf(probes.association)).toContain(row.subject.id);
      for (const statistic of row.statistics) {
        const stored = byId.get(statistic.id);
        expect(stored?.subject).toBe(row.subject.id);
        expect(statistic).toEqual(figure(records, stored as Record_));
      }
    }
  });

  test('every bench operation: at most 2 statements warm, at most its nesting depth cold', async () => {
    const budget: Record<string, { cold: number; warm: number; depth: number }> = {};
    for (const operation of operations(probes)) {
      const fresh = await createTradeGraph({ store: countingStore(opened.store) });
      const counted = fresh.store as ReturnType<typeof countingStore>;
      const run = async (): Promise<number> => {
        counted.calls.length = 0;
        await query(fresh, operation.query, operation.variables);
        return counted.calls.length;
      };
      const cold = await run();
      const warm = await run();
      budget[operation.name] = { cold, warm, depth: nestingDepth(operation.query) };
    }
    for (const [name, { cold, warm, depth }] of Object.entries(budget)) {
      expect({ name, warm: warm <= 2, cold: cold <= depth }).toEqual({ name, warm: true, cold: true });
    }
    expect(calls.length).toBeGreaterThan(0);
  });
});
