import { checkBlock } from '../../src/import/check-blocks';
import { importFiles, type ImportSummary } from '../../src/import/import';
import { Planner } from '../../src/import/plan';
import { ValidationError, type Problem } from '../../src/import/problems';
import { Repeats } from '../../src/import/repeats';
import { Resolver } from '../../src/import/resolve';
import { rowOf, type Valid } from '../../src/import/valid-records';
import type { EmbeddedStore } from '../../src/store/embedded/embedded-store';
import { writeFiles } from '../helpers/import-files';
import { checkedLines, problemsOf, reportFor } from '../helpers/import-stages';
import { openLoadedStore } from '../helpers/stores';

jest.setTimeout(120_000);

const SOURCE = 'fx-report-2026';
const plant = (id: string, extra: Record<string, unknown> = {}) => ({
  kind: 'Plant',
  id,
  name: `Plant ${id}`,
  facilityType: 'plant',
  sources: [SOURCE],
  ...extra,
});

describe('sameAs, stage by stage', () => {
  let store: EmbeddedStore;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    ({ store, dispose } = await openLoadedStore());
  });
  afterAll(async () => {
    await dispose();
  });

  test('check: sameAs is read apart from the record’s fields; on a Source, empty or its own id it is a problem', () => {
    const response = checkBlock({
      format: 'jsonl',
      fileName: 'change.jsonl',
      kind: null,
      firstLine: 1,
      text: [
        plant('p-new', { sameAs: 'alpha-saltillo-plant' }),
        { kind: 'Company', id: 'gamma-parts-2', sameAs: 'gamma-parts' },
        { kind: 'Source', id: 's-2', sameAs: SOURCE },
        plant('p-self', { sameAs: 'p-self' }),
        plant('p-empty', { sameAs: '' }),
        plant('p-null', { sameAs: null }),
      ]
        .map((record) => JSON.stringify(record))
        .join('\n'),
    });
    const nodes = response.checked.filter((checked) => checked.t === 'n');
    expect(nodes.map((node) => [node.id, node.sameAs, node.patch, node.given.includes('sameAs')])).toEqual([
      ['p-new', 'alpha-saltillo-plant', false, false],
      ['gamma-parts-2', 'gamma-parts', true, false],
    ]);
    expect(nodes[0]?.row).not.toHaveProperty('sameAs');
    expect(response.problems.map((problem) => [problem.line, problem.field, problem.message])).toEqual([
      [3, 'sameAs', expect.stringContaining('is for entity records only (a Source cannot be merged')],
      [4, 'sameAs', expect.stringContaining('is the record\'s own id "p-self"')],
      [5, 'sameAs', expect.stringContaining('must name the id of an existing Plant')],
      [6, 'sameAs', expect.stringContaining('must name the id of an existing Plant')],
    ]);
  });

  /** The import's first stages over these records; `register: false` leaves registering to the test. */
  function stage(records: Record<string, unknown>[], register = true) {
    const report = reportFor('change.jsonl');
    const resolver = new Resolver(store, report);
    const { checked, files } = checkedLines(records);
    const valid = new Repeats(report, 100).admit(checked, files);
    if (register) resolver.register(valid);
    return { report, resolver, valid };
  }

  test('resolve: references to the new id are read as the node it names; a statistic’s name follows', async () => {
    const { report, resolver, valid } = stage([
      { kind: 'Relationship', type: 'LOCATED_IN', from: 'p-2', to: 'MX-COA', source: SOURCE },
      plant('p-2', { sameAs: 'alpha-saltillo-plant' }),
      {
        kind: 'Statistic',
        id: 'p-2-exports',
        subject: 'p-2',
        metric: 'exports',
        value: 5,
        unit: 'vehicles',
        period: '2026-01',
        destination: 'US',
        source: SOURCE,
      },
    ]);
    const { ready } = await resolver.resolve(valid);
    expect(resolver.finish()).toEqual([]);
    expect(problemsOf(report)).toEqual([]);
    const [claim, node, statistic] = ready as [Valid, Valid, Valid];
    expect(claim.type === 'claim' && [claim.record.from, claim.refs[0]?.id]).toEqual([
      'alpha-saltillo-plant',
      'alpha-saltillo-plant',
    ]);
    expect(node.type === 'node' && [node.id, node.row.id, node.mergedFrom]).toEqual([
      'alpha-saltillo-plant',
      'alpha-saltillo-plant',
      'p-2',
    ]);
    if (statistic.type !== 'statistic') throw new Error('expected a statistic');
    expect(statistic.targets[0]).toBe('alpha-saltillo-plant');
    // Still packed for the bulk insert, with the subject and the name rewritten.
    expect(statistic.packed).not.toBeNull();
    expect(rowOf(statistic)).toMatchObject({
      subjectId: 'alpha-saltillo-plant',
      name: 'alpha-saltillo-plant exports to US 2026-01',
    });
    // The new id is never a node of the import (nor of the graph).
    expect(resolver.kindOf('p-2')).toBeNull();
  });

  test('plan: a block of new statistics naming the new id is still taken whole, rewritten', async () => {
    const { report, resolver, valid } = stage([{ kind: 'Plant', id: 'p-3', sameAs: 'alpha-saltillo-plant' }]);
    await resolver.resolve(valid);
    const statistic = (i: number) => ({
      id: `p-3-production-${i}`,
      subject: 'p-3',
      metric: 'production',
      value: i,
      unit: 'vehicles',
      period: `2025-0${i + 1}`,
      ...(i === 0 ? { destination: 'US' } : {}),
      source: SOURCE,
    });
    const block = checkBlock({
      format: 'jsonl',
      fileName: 'p.statistics.jsonl',
      kind: 'Statistic',
      firstLine: 1,
      text: [0, 1].map((i) => JSON.stringify(statistic(i))).join('\n'),
    });
    const rewritten = resolver.sameAs.rewriteBlock(block);
    expect(rewritten.targets).toEqual(['alpha-saltillo-plant', 'US', SOURCE]);
    expect(rewritten.packed.split('\n').map((row) => row.split('\u001f').slice(0, 3))).toEqual([
      ['p-3-production-0', 'Statistic', 'alpha-saltillo-plant production to US 2025-01'],
      ['p-3-production-1', 'Statistic', 'alpha-saltillo-plant production 2025-02'],
    ]);
    expect(rewritten.links[0]?.lines).toBe(
      'p-3-production-0\u001falpha-saltillo-plant\np-3-production-1\u001falpha-saltillo-plant',
    );
    const planner = new Planner(store, report, resolver, {
      journaled: false,
      replaceEntities: false,
      storedStatistics: 1,
      storedClaims: 1,
    });
    expect(await planner.planWhole(block, 0, new Repeats(report, 10), null)).toBe(true);
    expect(report.nodes.Statistic.created).toBe(2);
    expect(problemsOf(report)).toEqual([]);
  });

  test('plan: merged into a node the change creates, whether its record comes before or after', async () => {
    const { report, resolver, valid } = stage(
      [
        // Twins that give only what they add (a name given would replace the node's, as any record's does).
        { kind: 'Plant', id: 'p-late-twin', sameAs: 'p-late', aliases: ['Late Twin'] },
        plant('p-early'),
        {
          kind: 'Plant',
          id: 'p-early-twin',
          sameAs: 'p-early',
          aliases: ['Early Twin'],
          description: 'twin',
        },
        plant('p-late'),
      ],
      false,
    );
    // Batch by batch, as the import does: the record that names a node further on waits for it.
    resolver.register(valid.slice(0, 3));
    const first = await resolver.resolve(valid.slice(0, 3));
    const planner = new Planner(store, report, resolver, {
      journaled: true,
      replaceEntities: false,
      storedStatistics: 1,
      storedClaims: 1,
    });
    const plans = [await planner.plan(first.ready, first.storedNodes)];
    resolver.register(valid.slice(3));
    const second = await resolver.resolve(valid.slice(3));
    plans.push(await planner.plan(second.ready, second.storedNodes));
    const waited = resolver.finish();
    expect(waited.map((item) => item.type === 'node' && item.id)).toEqual(['p-late-twin']);
    const last = await resolver.resolve(waited, true);
    plans.push(await planner.plan(last.ready, last.storedNodes));
    expect(problemsOf(report)).toEqual([]);

    // Each node created once (undone once); the later row holds what the twin adds.
    expect(report.nodes.Plant).toEqual({ created: 2, updated: 0, unchanged: 0 });
    expect(plans.flatMap((plan) => plan.undo?.createdNodes ?? [])).toEqual(['p-early', 'p-late']);
    const rows = plans.flatMap((plan) => plan.upserts.Plant ?? []);
    expect(rows.map((row) => [row.id, row.aliases, row.description])).toEqual([
      ['p-early', [], null],
      ['p-early', ['Early Twin'], 'twin'],
      ['p-late', [], null],
      ['p-late', ['Late Twin'], null],
    ]);
    const summary = report.summary('i', 'journal', true);
    expect(summary.merges.map((merge) => [merge.id, merge.into, merge.line])).toEqual([
      ['p-early-twin', 'p-early', 3],
      ['p-late-twin', 'p-late', 1],
    ]);
    expect(summary.changes.map((change) => [change.id, change.mergedFrom])).toEqual([
      ['p-early', 'p-early-twin'],
      ['p-late', 'p-late-twin'],
    ]);
    // Merged, so the twin's names are the new plant's for the duplicate check.
    expect(planner.newEntities.map((entity) => [entity.id, entity.names])).toEqual([
      ['p-early', ['Plant p-early', 'Early Twin']],
      ['p-late', ['Plant p-late', 'Late Twin']],
    ]);
  });

  async function problems(files: Record<string, string>): Promise<Problem[]> {
    const written = writeFiles(files);
    try {
      await importFiles(store, Object.values(written.paths), { dryRun: true });
      return [];
    } catch (error) {
      if (error instanceof ValidationError) return [...error.problems];
      throw error;
    } finally {
      written.remove();
    }
  }
  const jsonl = (records: readonly object[]) => records.map((record) => JSON.stringify(record)).join('\n');
  const brief = (found: readonly Problem[]) =>
    found.map((problem) => [
      problem.file.replace(/^.*\//, ''),
      problem.line,
      problem.record,
      problem.field,
      problem.message,
    ]);

  test('errors name the file, line and field, and what to do', async () => {
    const found = await problems({
      'change.jsonl': jsonl([
        plant('p-nowhere', { sameAs: 'no-such-plant' }),
        plant('p-company', { sameAs: 'alpha-trucks' }),
        // A stored node cannot be merged into another stored node.
        { kind: 'Company', id: 'beta-motors', sameAs: 'alpha-trucks' },
        // A chain, and a cycle.
        plant('p-a', { sameAs: 'p-b' }),
        plant('p-b', { sameAs: 'alpha-saltillo-plant' }),
        plant('p-x', { sameAs: 'p-y' }),
        plant('p-y', { sameAs: 'p-x' }),
        // Refers to a record whose sameAs fails: that record's problem says it, once.
        { kind: 'Relationship', type: 'OPERATES', from: 'alpha-trucks', to: 'p-nowhere', source: SOURCE },
      ]),
    });
    expect(brief(found)).toEqual([
      [
        'change.jsonl',
        1,
        'p-nowhere',
        'sameAs',
        'names "no-such-plant", which is neither in the graph nor in this change (its 1 file): sameAs must name ' +
          'an existing Plant; correct the id, or leave out sameAs to create "p-nowhere" as a new Plant',
      ],
      [
        'change.jsonl',
        2,
        'p-company',
        'sameAs',
        'names "alpha-trucks", a Company; a Plant record can only be merged into a Plant: name a Plant, ' +
          'or leave out sameAs to create "p-company"',
      ],
      [
        'change.jsonl',
        3,
        'beta-motors',
        'id',
        '"beta-motors" is already a Company in the graph, and sameAs merges a new record into an existing node; ' +
          'merging two stored nodes into one is not what it does. Leave out sameAs to amend "beta-motors", ' +
          'or give the fields to add to "alpha-trucks" in a record with the id "alpha-trucks"',
      ],
      [
        'change.jsonl',
        4,
        'p-a',
        'sameAs',
        expect.stringMatching(
          /^names "p-b", which this change itself merges by sameAs into "alpha-saltillo-plant" \(.*change\.jsonl:5\); chains of sameAs are not followed: name "alpha-saltillo-plant" here$/,
        ),
      ],
      [
        'change.jsonl',
        6,
        'p-x',
        'sameAs',
        expect.stringMatching(
          /^names "p-y", .*: p-x → p-y → p-x is a cycle; sameAs must name a node the graph has/,
        ),
      ],
      ['change.jsonl', 7, 'p-y', 'sameAs', expect.stringContaining('p-y → p-x → p-y is a cycle')],
    ]);
  });

  test('a claim that names the new id repeats one that names the node itself: written once, or refused', async () => {
    const located = (from: string, asOf?: string) => ({
      kind: 'Relationship',
      type: 'LOCATED_IN',
      from,
      to: 'MX-COA',
      source: 'fx-older-2022',
      ...(asOf ? { asOf } : {}),
    });
    const records = (asOf?: string) =>
      jsonl([
        located('alpha-saltillo-plant'),
        { kind: 'Plant', id: 'p-2', sameAs: 'alpha-saltillo-plant' },
        located('p-2', asOf),
      ]);
    const written = writeFiles({ 'change.jsonl': records() });
    let summary: ImportSummary;
    try {
      summary = await importFiles(store, [written.paths['change.jsonl'] as string], { dryRun: true });
    } finally {
      written.remove();
    }
    expect(summary.relationships).toEqual({ created: 1, updated: 0, unchanged: 0 });
    expect(summary.duplicates).toBe(1);
    expect(brief(await problems({ 'change.jsonl': records('2020') }))).toEqual([
      [
        'change.jsonl',
        3,
        'LOCATED_IN p-2→MX-COA',
        undefined,
        expect.stringMatching(/^repeats the claim at .*change\.jsonl:1 with different properties$/),
      ],
    ]);
  });

  test('CSV: a sameAs column; an empty cell is no sameAs', async () => {
    const written = writeFiles({
      'plants.csv': 'id,sameAs,aliases\nalpha-saltillo-5,alpha-saltillo-plant,Alpha Cinco\n',
    });
    let summary: ImportSummary;
    try {
      summary = await importFiles(store, [written.paths['plants.csv'] as string], { dryRun: true });
    } finally {
      written.remove();
    }
    expect(summary.merges).toEqual([
      {
        kind: 'Plant',
        id: 'alpha-saltillo-5',
        into: 'alpha-saltillo-plant',
        file: expect.any(String),
        line: 2,
      },
    ]);
    expect(summary.changes).toEqual([
      {
        kind: 'Plant',
        id: 'alpha-saltillo-plant',
        mergedFrom: 'alpha-saltillo-5',
        fields: [{ field: 'aliases', before: [], after: ['Alpha Cinco'], overwrites: false }],
      },
    ]);
    // Not a column of every kind: sources are never merged.
    expect(
      brief(await problems({ 'sources.csv': 'id,sameAs\nfx-report-2026,fx-older-2022\n' })).map((p) => p[3]),
    ).toEqual(['sameAs']);
  });
});
