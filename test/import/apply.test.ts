import { applyInOneTransaction, applyJournaled, type Application } from '../../src/import/apply';
import { recordedImports } from '../../src/import/import-records';
import { unfinishedImports } from '../../src/import/journal';
import { ValidationError } from '../../src/import/problems';
import { emptyPlan, type WritePlan } from '../../src/import/write-plan';
import type { EmbeddedStore } from '../../src/store/embedded/embedded-store';
import { findNodes } from '../../src/store/find-nodes';
import { reportFor } from '../helpers/import-stages';
import { openLoadedStore } from '../helpers/stores';

jest.setTimeout(120_000);

const company = (id: string) => ({
  id,
  name: id,
  nameEs: null,
  aliases: [],
  description: null,
  wikidata: null,
  sources: [],
  companyType: 'supplier',
  searchText: id,
});

describe('Apply the plans of an import', () => {
  let store: EmbeddedStore;
  let dispose: () => Promise<void>;
  beforeEach(async () => {
    ({ store, dispose } = await openLoadedStore());
  });
  afterEach(async () => {
    await dispose();
  });

  function application(importId: string, ids: string[], journaled: boolean, problem = false): Application {
    const report = reportFor('companies.jsonl');
    return {
      store,
      importId,
      report,
      plans: async (onPlan) => {
        for (const id of ids) {
          const plan: WritePlan = { ...emptyPlan(journaled), upserts: { Company: [company(id)] } };
          plan.undo?.createdNodes.push(id);
          report.nodes.Company.created += 1;
          await onPlan(plan);
        }
        if (problem) report.problem({ file: 'companies.jsonl', line: 9, record: 'x', message: 'is wrong' });
      },
    };
  }

  test('one transaction writes every plan and records the import', async () => {
    await applyInOneTransaction(application('one-tx', ['new-a', 'new-b'], false), null, 100);
    expect([...(await findNodes(store, ['new-a', 'new-b'])).keys()].sort()).toEqual(['new-a', 'new-b']);
    expect((await recordedImports(store)).map((record) => [record.importId, record.created])).toEqual([
      ['one-tx', 2],
    ]);
  });

  test('a problem found while planning refuses the whole import: nothing is written', async () => {
    await expect(
      applyInOneTransaction(application('refused', ['new-c'], false, true), null, 100),
    ).rejects.toBeInstanceOf(ValidationError);
    await expect(applyJournaled(application('refused-j', ['new-c'], true, true))).rejects.toBeInstanceOf(
      ValidationError,
    );
    expect((await findNodes(store, ['new-c'])).size).toBe(0);
    expect(await recordedImports(store)).toEqual([]);
  });

  test('journaled: each plan a batch of its own; a finished import leaves no journal', async () => {
    await applyJournaled(application('journaled', ['new-d', 'new-e'], true));
    expect((await findNodes(store, ['new-d', 'new-e'])).size).toBe(2);
    expect(await unfinishedImports(store)).toEqual([]);
    expect((await recordedImports(store)).map((record) => record.importId)).toEqual(['journaled']);
  });
});
