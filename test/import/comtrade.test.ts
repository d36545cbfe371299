import { readFileSync } from 'node:fs';
import { alpha2Of, comtradeSourceId } from '../../src/import/comtrade';
import { importFiles } from '../../src/import/import';
import { ValidationError } from '../../src/import/problems';
import { findNodes } from '../../src/store/find-nodes';
import { findStatistics } from '../../src/queries/statistics';
import { relationsOf } from '../../src/store/catalog';
import type { EmbeddedStore } from '../../src/store/embedded/embedded-store';
import { fixture, writeFiles } from '../helpers/import-files';
import { openLoadedStore } from '../helpers/stores';

const TRUCKS = fixture('comtrade-mx-trucks-2024.csv');
const IMPORTS = fixture('comtrade-us-imports-2024-01.csv');

describe('UN Comtrade import', () => {
  let store: EmbeddedStore;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    ({ store, dispose } = await openLoadedStore());
    await importFiles(store, [TRUCKS, IMPORTS], { comtrade: { published: '2025-03' } });
  });
  afterAll(async () => dispose());

  test('the fixtures have the data API v1 columns', () => {
    const header = readFileSync(TRUCKS, 'utf8').split('\n')[0]?.split(',');
    expect(header?.slice(0, 18)).toEqual([
      'typeCode',
      'freqCode',
      'refPeriodId',
      'refYear',
      'refMonth',
      'period',
      'reporterCode',
      'reporterISO',
      'reporterDesc',
      'flowCode',
      'flowDesc',
      'partnerCode',
      'partnerISO',
      'partnerDesc',
      'partner2Code',
      'partner2ISO',
      'partner2Desc',
      'classificationCode',
    ]);
    expect(header).toEqual(
      expect.arrayContaining(['cmdCode', 'cmdDesc', 'qtyUnitAbbr', 'qty', 'netWgt', 'primaryValue']),
    );
  });

  test('exports go from reporter to partner, in USD, for the HS sector', async () => {
    const toUs = await findStatistics(store, {
      subjectIds: ['MX'],
      metric: 'exports',
      period: '2024',
      destination: 'US',
    });
    expect(toUs.map((s) => [s.sectorId, s.value, s.unit, s.originId, s.sourceId])).toEqual([
      ['hs-87', 171230001234, 'USD', 'MX', 'comtrade-comtrade-mx-trucks-2024'],
      ['hs-8701', 18211455321.75, 'USD', 'MX', 'comtrade-comtrade-mx-trucks-2024'],
      [null, 505850000000, 'USD', 'MX', 'comtrade-comtrade-mx-trucks-2024'],
    ]);
    expect(toUs[1]?.granularity).toBe('year');
  });

  test('partner World means all destinations', async () => {
    const totals = await findStatistics(store, {
      subjectIds: ['MX'],
      metric: 'exports',
      period: '2024',
      sector: 'hs-8701',
      totalsOnly: true,
    });
    expect(totals.map((s) => [s.value, s.destinationId])).toEqual([[19006120455, null]]);
  });

  test('imports come from the partner, monthly periods are months', async () => {
    const imports = await findStatistics(store, { subjectIds: ['US'], metric: 'imports', period: '2024-01' });
    expect(imports.map((s) => [s.originId, s.destinationId, s.value, s.granularity])).toEqual([
      ['MX', 'US', 1530221000.4, 'month'],
      [null, 'US', 1801332000, 'month'],
    ]);
  });

  test('each file is cited by a Source of its own', async () => {
    const sources = await findNodes(store, [
      'comtrade-comtrade-mx-trucks-2024',
      'comtrade-comtrade-us-imports-2024-01',
    ]);
    expect(sources.get('comtrade-comtrade-mx-trucks-2024')?.properties).toMatchObject({
      title: 'UN Comtrade',
      publisher: 'UN Comtrade',
      url: 'https://comtradeplus.un.org/',
      published: '2025-03',
      language: 'en',
    });
    expect(sources.size).toBe(2);
  });

  test('missing countries and HS sectors are created, existing ones left as they are', async () => {
    const nodes = await findNodes(store, ['DE', 'MX', 'hs-8701', 'hs-870120']);
    expect(nodes.get('DE')?.properties).toMatchObject({
      name: 'Germany',
      sources: ['comtrade-comtrade-mx-trucks-2024'],
    });
    expect(nodes.get('MX')?.properties).toMatchObject({ name: 'Mexico', sources: [] });
    expect(nodes.get('hs-8701')?.properties).toMatchObject({
      name: 'Tractors (other than tractors of heading no. 8709)',
      hsCodes: ['8701'],
    });
    // Each file that names an HS code claims its place under the nearest broader code that exists.
    const parents = (await store.read(relationsOf, { ids: ['hs-8701', 'hs-870120'] }))
      .filter((row) => row.relationship.type === 'SUBSECTOR_OF' && row.relationship.startId === row.id)
      .map((row) => [row.id, row.other.id, row.relationship.properties.source]);
    expect(parents.sort()).toEqual([
      ['hs-8701', 'hs-87', 'comtrade-comtrade-mx-trucks-2024'],
      ['hs-8701', 'hs-87', 'comtrade-comtrade-us-imports-2024-01'],
      ['hs-870120', 'hs-8701', 'comtrade-comtrade-mx-trucks-2024'],
    ]);
  });

  test('other flows, areas and breakdowns are skipped and counted', async () => {
    const again = await importFiles(store, [TRUCKS], { comtrade: { published: '2025-03' } });
    expect(again.skipped).toEqual([
      { reason: 'flow RX (Re-export) is neither X nor M', rows: 1 },
      { reason: 'partner S19 (Other Asia, nes) is not a country', rows: 1 },
      { reason: 'broken down by mode of transport (motCode not 0)', rows: 1 },
    ]);
    expect(again.records).toBe(5);
    expect(again.nodes.Statistic).toEqual({ created: 0, updated: 0, unchanged: 5 });
  });

  test('bad years, months, periods and values are reported by column', async () => {
    const lines = readFileSync(TRUCKS, 'utf8').split('\n');
    const header = (lines[0] as string).split(',');
    const row = (lines[1] as string).split(',');
    const set = (cells: string[], column: string, value: string): string[] => {
      const copy = [...cells];
      copy[header.indexOf(column)] = value;
      return copy;
    };
    const bad = [
      set(row, 'refMonth', '13'),
      set(set(row, 'period', '2023'), 'cmdCode', '8701'),
      set(row, 'primaryValue', 'n/a'),
      set(row, 'cmdCode', '87A1'),
    ];
    const written = writeFiles({
      'bad-comtrade.csv': [lines[0], ...bad.map((cells) => cells.join(','))].join('\n'),
    });
    try {
      const error = await importFiles(store, [written.paths['bad-comtrade.csv'] as string]).catch(
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(ValidationError);
      const problems = (error as ValidationError).message.split('\n').slice(1);
      expect(problems).toEqual([
        expect.stringMatching(/bad-comtrade\.csv:2 record row 2 field "refMonth": "13" is not a month/),
        expect.stringMatching(
          /bad-comtrade\.csv:3 record row 3 field "period": "2023" does not match refYear 2024 and refMonth 52/,
        ),
        expect.stringMatching(
          /bad-comtrade\.csv:4 record row 4 field "primaryValue": "n\/a" is not a number/,
        ),
        expect.stringMatching(
          /bad-comtrade\.csv:5 record row 5 field "cmdCode": "87A1" is not TOTAL or an HS code/,
        ),
      ]);
    } finally {
      written.remove();
    }
  });

  test('ISO alpha-3 codes map to our alpha-2 ids, and file names to source ids', () => {
    expect([alpha2Of('MEX'), alpha2Of('usa'), alpha2Of('DEU'), alpha2Of('S19'), alpha2Of('W00')]).toEqual([
      'MX',
      'US',
      'DE',
      null,
      null,
    ]);
    expect(comtradeSourceId('downloads/TradeData 2024_01.csv')).toBe('comtrade-tradedata-2024-01');
  });
});
