import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadDataset } from '../../../src/import/dataset';
import { ALL_STATEMENTS, upsertStatements, type WriteRow } from '../../../src/store/catalog';
import type { EmbeddedStore } from '../../../src/store/embedded/embedded-store';
import type { LinkStatementName } from '../../../src/store/generated-statements';
import { isBulkOnly, type Statement } from '../../../src/store/statements';
import { createStatisticKeyTable, setAsideStatisticKeys } from '../../../src/store/statistic-key-statements';
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

  test.each(ALL_STATEMENTS.map((s) => [s.name, s as Statement] as const))('%s', async (_name, statement) => {
    const params = Object.fromEntries(statement.params.map((p) => [p, SAMPLE[p] ?? null]));
    if (statement.access === 'read') {
      await expect(store.read(statement, params)).resolves.toBeInstanceOf(Array);
      return;
    }
    // Bulk loads read a file staged in the store's bulk directory: stage a sample (links: none).
    if (statement.name.startsWith('copy-') && !statement.name.includes('set-aside')) {
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
          // The steps after setting the key table aside need it set aside, and the new one made.
          if (statement.name.endsWith('-set-aside-statistic-keys')) {
            await tx.run(setAsideStatisticKeys, {});
            await tx.run(createStatisticKeyTable, {});
          }
          if (statement.params.includes('rows')) await tx.runBatch(statement, sampleRows(statement.name));
          else await tx.run(statement, params);
          throw new RolledBack();
        },
        { bulk: isBulkOnly(statement) },
      ),
    ).rejects.toBeInstanceOf(RolledBack);
  });
});
