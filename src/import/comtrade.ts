import path from 'node:path';
import countries from 'i18n-iso-countries';
import english from 'i18n-iso-countries/langs/en.json';
import {
  COMTRADE_REQUIRED_COLUMNS,
  numberCell,
  readCsvRows,
  type InputFile,
  type InputRecord,
  type OnBytes,
} from './input-files.js';
import type { ProblemSink } from './problems.js';

countries.registerLocale(english);

/**
 * UN Comtrade's data API v1 CSV, read as statistics. Each row becomes one `exports` (flowCode X)
 * or `imports` (M) statistic in USD (`primaryValue`) for the reporter, with the partner as
 * destination (exports) or origin (imports); partner World (code 0, `W00`) means all partners.
 * `cmdCode` names an HS sector `hs-<code>` (none for `TOTAL`). The file is cited by a Source of
 * its own. Rows this model cannot hold faithfully are skipped and counted by reason (other flows,
 * breakdowns by second partner, transport mode or customs procedure, areas that are not countries,
 * other classifications). See docs/import-export.md.
 */

export interface ComtradeOptions {
  /** The URL the Source of each Comtrade file cites (default: the Comtrade portal). */
  readonly url?: string;
  /** When the data was downloaded or published, as YYYY, YYYY-MM or YYYY-MM-DD. */
  readonly published?: string;
}

export const COMTRADE_DEFAULT_URL = 'https://comtradeplus.un.org/';

const FLOWS: Readonly<Record<string, 'exports' | 'imports'>> = { X: 'exports', M: 'imports' };

/** The id of the Source a Comtrade file is cited by: `comtrade-` and the file name as a slug. */
export function comtradeSourceId(file: string): string {
  const base = path
    .basename(file, path.extname(file))
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `comtrade-${base || 'file'}`;
}

/** ISO 3166-1 alpha-3 (Comtrade's `reporterISO`, `partnerISO`) to our alpha-2 country ids. */
export function alpha2Of(alpha3: string): string | null {
  return countries.alpha3ToAlpha2(alpha3.trim().toUpperCase()) ?? null;
}

const sectorId = (code: string): string => `hs-${code}`;

/** Asks whether a node with this id exists (in the import so far or in the store). */
export type Exists = (id: string) => Promise<boolean>;

export interface ComtradeResult {
  /** Rows not imported, by reason. */
  readonly skipped: Map<string, number>;
}

/**
 * Records of one Comtrade file: its Source, then per row the countries and HS sector it implies
 * (created only when missing, never changed) and its statistic; at the end, for each HS sector
 * of the file, a SUBSECTOR_OF claim to its nearest broader HS sector that exists.
 */
export async function* readComtrade(
  input: InputFile,
  fileIndex: number,
  problems: ProblemSink,
  options: ComtradeOptions,
  exists: Exists,
  result: ComtradeResult,
  onBytes?: OnBytes,
): AsyncGenerator<InputRecord> {
  const sourceId = comtradeSourceId(input.name);
  const fileName = path.basename(input.name);
  const record = (
    line: number,
    kind: InputRecord['kind'],
    fields: Record<string, unknown>,
    ensure = false,
  ): InputRecord => ({ kind, file: fileIndex, line, fields, ...(ensure ? { ensure } : {}) });
  const skip = (reason: string): void => {
    result.skipped.set(reason, (result.skipped.get(reason) ?? 0) + 1);
  };
  const ensured = new Set<string>();
  const sectors = new Map<string, number>();
  let header: readonly string[] | null = null;
  let at: Map<string, number> = new Map();

  for await (const { header: columns, line, cells } of readCsvRows(input, problems, onBytes)) {
    if (header === null) {
      header = columns;
      at = new Map(columns.map((name, index) => [name, index]));
      const missing = COMTRADE_REQUIRED_COLUMNS.filter((name) => !at.has(name));
      for (const name of missing) {
        problems.push({
          file: input.name,
          line: 1,
          record: '-',
          field: name,
          message: 'is a missing column',
        });
      }
      if (missing.length > 0) return;
      yield record(1, 'Source', {
        id: sourceId,
        title: 'UN Comtrade',
        publisher: 'UN Comtrade',
        url: options.url ?? COMTRADE_DEFAULT_URL,
        language: 'en',
        ...(options.published ? { published: options.published } : {}),
        description: `Trade flows downloaded from the UN Comtrade data API (v1, CSV), imported from ${fileName}.`,
      });
    }
    const cell = (name: string): string => {
      const index = at.get(name);
      return index === undefined ? '' : (cells[index] as string).trim();
    };
    const label = `row ${line}`;
    let rowProblems = 0;
    const problem = (field: string, message: string): void => {
      rowProblems += 1;
      problems.push({ file: input.name, line, record: label, field, message });
    };

    const year = cell('refYear');
    const month = cell('refMonth');
    if (!/^\d{4}$/.test(year)) problem('refYear', `"${year}" is not a year`);
    const monthNumber = Number(month);
    const annual = month === '52';
    if (!annual && !(/^\d{1,2}$/.test(month) && monthNumber >= 1 && monthNumber <= 12)) {
      problem('refMonth', `"${month}" is not a month (1–12, or 52 for a whole year)`);
    }
    const mm = String(monthNumber).padStart(2, '0');
    const period = annual ? year : `${year}-${mm}`;
    // The other period columns must agree with refYear and refMonth (checked once those are valid).
    const periodOk = rowProblems === 0;
    const stated = cell('period');
    if (periodOk && stated !== '' && stated !== (annual ? year : `${year}${mm}`)) {
      problem('period', `"${stated}" does not match refYear ${year} and refMonth ${month}`);
    }
    const periodId = cell('refPeriodId');
    if (periodOk && periodId !== '' && periodId !== `${year}${annual ? '01' : mm}01`) {
      problem('refPeriodId', `"${periodId}" does not match refYear ${year} and refMonth ${month}`);
    }
    const frequency = cell('freqCode');
    if (periodOk && frequency !== '' && frequency !== (annual ? 'A' : 'M')) {
      problem('freqCode', `"${frequency}" does not match refMonth ${month} (A goes with 52, M with 1–12)`);
    }
    const code = cell('cmdCode');
    const total = code.toUpperCase() === 'TOTAL';
    if (!total && !/^\d{2}(?:\d{2}){0,2}$/.test(code)) {
      problem('cmdCode', `"${code}" is not TOTAL or an HS code of 2, 4 or 6 digits`);
    }
    const value = numberCell(cell('primaryValue'));
    if (typeof value !== 'number') problem('primaryValue', `"${cell('primaryValue')}" is not a number`);
    if (rowProblems > 0) continue;

    const flow = cell('flowCode').toUpperCase();
    const metric = FLOWS[flow];
    if (metric === undefined) {
      skip(`flow ${flow || '(empty)'}${cell('flowDesc') ? ` (${cell('flowDesc')})` : ''} is neither X nor M`);
      continue;
    }
    const classification = cell('classificationCode');
    if (classification !== '' && !classification.toUpperCase().startsWith('H')) {
      skip(`classification ${classification} is not HS`);
      continue;
    }
    if (!['', '0'].includes(cell('partner2Code'))) {
      skip('broken down by second partner (partner2Code not 0)');
      continue;
    }
    if (!['', '0'].includes(cell('motCode'))) {
      skip('broken down by mode of transport (motCode not 0)');
      continue;
    }
    if (!['', 'C00'].includes(cell('customsCode').toUpperCase())) {
      skip('broken down by customs procedure (customsCode not C00)');
      continue;
    }
    const reporterIso = cell('reporterISO');
    const reporter = alpha2Of(reporterIso);
    if (reporter === null) {
      skip(`reporter ${reporterIso} (${cell('reporterDesc') || '?'}) is not a country`);
      continue;
    }
    const partnerIso = cell('partnerISO');
    const world = cell('partnerCode') === '0' || partnerIso.toUpperCase() === 'W00';
    const partner = world ? null : alpha2Of(partnerIso);
    if (!world && partner === null) {
      skip(`partner ${partnerIso} (${cell('partnerDesc') || '?'}) is not a country`);
      continue;
    }

    for (const [id, description] of [
      [reporter, cell('reporterDesc')],
      [partner, cell('partnerDesc')],
    ] as const) {
      if (id === null || ensured.has(id)) continue;
      ensured.add(id);
      const name = countries.getName(id, 'en') ?? (description || id);
      const aliases = description && description !== name ? [description] : [];
      yield record(line, 'Country', { id, name, aliases, sources: [sourceId] }, true);
    }
    if (!total && !sectors.has(code)) {
      sectors.set(code, line);
      const description = cell('cmdDesc');
      yield record(
        line,
        'Sector',
        { id: sectorId(code), name: description || `HS ${code}`, hsCodes: [code], sources: [sourceId] },
        true,
      );
    }
    const subject = reporter;
    const destination = metric === 'exports' ? partner : reporter;
    const origin = metric === 'exports' ? reporter : partner;
    const partnerText = world ? 'all partners' : `partner ${cell('partnerDesc') || partner}`;
    const product = total ? 'all products' : `HS ${code}${cell('cmdDesc') ? ` (${cell('cmdDesc')})` : ''}`;
    yield record(line, 'Statistic', {
      id: [subject, metric, period, partner ?? 'world', 'hs', total ? 'total' : code, sourceId]
        .join('-')
        .toLowerCase(),
      subject,
      metric,
      value,
      unit: 'USD',
      period,
      ...(destination ? { destination } : {}),
      ...(origin ? { origin } : {}),
      ...(total ? {} : { sector: sectorId(code) }),
      source: sourceId,
      scope: `UN Comtrade ${metric} as reported by ${cell('reporterDesc') || reporter}, ${partnerText}, ${product}.`,
    });
  }

  // Each HS sector of the file is a subsector of its nearest broader HS sector that exists.
  for (const [code, line] of sectors) {
    for (let length = code.length - 2; length >= 2; length -= 2) {
      const parent = sectorId(code.slice(0, length));
      if (sectors.has(code.slice(0, length)) || (await exists(parent))) {
        yield record(line, 'Relationship', {
          type: 'SUBSECTOR_OF',
          from: sectorId(code),
          to: parent,
          source: sourceId,
        });
        break;
      }
    }
  }
}
