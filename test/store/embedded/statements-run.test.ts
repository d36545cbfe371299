import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadDataset } from '../../../src/import/dataset';
import { ALL_STATEMENTS, upsertStatements, type WriteRow } from '../../../src/store/catalog';
import type { EmbeddedStore } from '../../../src/store/embedded/embedded-store';
import type { LinkStatementName } from '../../../src/store/generated-statements';
import { isBulkOnly, type Statement } from '../../../src/store/statements';
import {
  EMBEDDED_ONLY_STATEMENTS,
  KEY_TABLE_REBUILD,
  STATISTIC_TABLE_REBUILD,
} from '../../../src/store/rebuild-statements';
import { SAMPLE } from '../../helpers/statement-samples';
import { FIXTURE_DATASET, openLoadedStore } from '../../helpers/stores';

/** One statistic as staged for `copy-statistics`: the Statistic table's columns, U+001F between them. */
const STAGED_STATISTIC = `${[
  'staged-statistic',
  'Statistic',
  'MX exports 2026-01',
  'exports',
  '1.5',
  'vehicles',
  '2026-01',
  '2026-01-01',
  '2026-01-31',
  'month',
  '',
  '',
  '',
  'MX',
  '',
  '',
  '',
  '',
  'fx-report-2026',
  'exact',
  '1.5',
  '1.5',
  'stated',
].join('\u001f')}\n`;

class RolledBack extends Error {}

/** The steps of building a table again, in order: each needs the ones before it. */
const REBUILDS: readonly (readonly Statement<Record<string, never>>[])[] = [
  [...KEY_TABLE_REBUILD.before, ...KEY_TABLE_REBUILD.after],
  [
    ...STATISTIC_TABLE_REBUILD.before,
    ...STATISTIC_TABLE_REBUILD.statistics,
    ...STATISTIC_TABLE_REBUILD.after,
  ],
];

/** What must run before a statement in the same transaction: the earlier steps of its rebuild. */
const stepsBefore = (statement: Statement): readonly Statement<Record<string, never>>[] => {
  for (const steps of REBUILDS) {
    const at = steps.findIndex((step) => step.name === statement.name);
    if (at >= 0) return steps.slice(0, at);
  }
  return [];
};

/** A real row for each batch statement: from the fixture where it has one, else one that matches nothing. */
function sampleRows(name: string): WriteRow[] {
  const dataset = loadDataset(FIXTURE_DATASET);
  const kind = Object.entries(upsertStatements).find(([, statement]) => statement.name === name)?.[0];
  const fixture = kind
    ? dataset.nodes.get(kind as never)
    : (dataset.links.get(name as LinkStatementName) ??
      (name === 'set-statistic-change' ? dataset.statisticChanges : undefined));
  if (fixture && fixture.length > 0) return [fixture[0] as WriteRow];
  if (name.startsWith('link-statistic-')) return [{ id: 'no-such-statistic', target: 'no-such-target' }];
  if (name === 'set-statistic-keys')
    return [{ key: 'MX|exports|2026-01-01|2026-01-31', ids: ['no-such-statistic'] }];
  return [
    {
      from: 'nobody',
      to: 'nothing',
      source: 'none',
      asOf: null,
      role: null,
      since: null,
      until: null,
      note: null,
    },
  ];
}

describe('Embedded engine: every statement runs', () => {
  let store: EmbeddedStore;
  let dispose: () => Promise<void>;

  beforeAll(async () => {
    ({ store, dispose } = await openLoadedStore());
  });
  afterAll(async () => dispose());

  test.each([...ALL_STATEMENTS, ...EMBEDDED_ONLY_STATEMENTS].map((s) => [s.name, s as Statement] as const))(
    '%s',
    async (_name, statement) => {
      const params = Object.fromEntries(statement.params.map((p) => [p, SAMPLE[p] ?? null]));
      if (statement.access === 'read') {
        await expect(store.read(statement, params)).resolves.toBeInstanceOf(Array);
        return;
      }
      // Bulk loads read a file staged in the store's bulk directory: stage a sample (links: none).
      if (statement.name.startsWith('copy-') && !statement.name.startsWith('copy-set-aside-')) {
        writeFileSync(
          path.join(store.bulkDirectory ?? '', `${statement.name}.csv`),
          statement.name === 'copy-statistics' ? STAGED_STATISTIC : '',
        );
      }
      // Writes run inside a transaction that is then rolled back, so the fixture stays intact (bulk
      // statements in a bulk write, the only kind that runs them).
      await expect(
        store.transaction(
          async (tx) => {
            for (const step of stepsBefore(statement)) await tx.run(step, {});
            if (statement.params.includes('rows')) await tx.runBatch(statement, sampleRows(statement.name));
            else await tx.run(statement, params);
            throw new RolledBack();
          },
          { bulk: isBulkOnly(statement) },
        ),
      ).rejects.toBeInstanceOf(RolledBack);
    },
  );
});
