import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import type { NodeKind } from '../domain/kinds.js';
import {
  RELATIONSHIP_TYPES,
  STATISTIC_LINKS,
  type RelationshipType,
  type StatisticLink,
} from '../domain/relationships.js';
import { searchTextOf } from '../domain/normalize.js';
import {
  factProperties,
  factSourceRefs,
  factsOfInput,
  isFactField,
  type FactInput,
} from '../domain/facts.js';
import { projectPath } from '../paths.js';
import type { WriteRow } from '../store/catalog.js';
import {
  claimStatementName,
  statisticLinkStatementName,
  type LinkStatementName,
} from '../store/generated-statements.js';
import {
  periodOf,
  RECORD_FILES,
  type RelationshipRecord,
  type SourceRecord,
  type StatisticRecord,
} from '../records/records.js';
import { SAME_AS_FIELD } from '../records/record-kinds.js';
import { ValidationError, type Problem } from './problems.js';
import { readYamlList, type Located } from './yaml-list.js';

type FileName = keyof typeof RECORD_FILES;

/** A validated dataset, shaped as the rows the store's write statements take. */
export interface Dataset {
  readonly nodes: ReadonlyMap<NodeKind, readonly WriteRow[]>;
  /** Relationship rows by the name of the statement that writes them (see store/generated-statements). */
  readonly links: ReadonlyMap<LinkStatementName, readonly WriteRow[]>;
  /** The changes sources report, for the statistics that have one. */
  readonly statisticChanges: readonly WriteRow[];
  /** A hash of the input, so a store can tell whether it already holds this dataset. */
  readonly fingerprint: string;
}

/** The curated dataset shipped with the project. */
export function defaultDataDirectory(): string {
  return projectPath('data');
}

function recordLabel(record: unknown, index: number): string {
  const id = (record as { id?: unknown } | null)?.id;
  return typeof id === 'string' && id.length > 0 ? id : `#${index + 1}`;
}

function parseRecords<S extends z.ZodType>(
  items: Located<unknown>[],
  schema: S,
  problems: Problem[],
): Located<z.infer<S>>[] {
  const valid: Located<z.infer<S>>[] = [];
  items.forEach((item, index) => {
    const result = schema.safeParse(item.record);
    if (result.success) {
      valid.push({ ...item, record: result.data });
      return;
    }
    for (const issue of result.error.issues) {
      problems.push({
        file: item.file,
        line: item.line,
        record: recordLabel(item.record, index),
        field: issue.path.join('.') || undefined,
        message: issue.message,
      });
    }
  });
  return valid;
}

/** `sameAs` is for imports (docs/import-export.md): the dataset states each entity once, under its id. */
function refuseSameAs(file: string, item: Located<unknown>, problems: Problem[]): void {
  const fields = item.record as Record<string, unknown> | null;
  if (typeof fields !== 'object' || fields === null || !(SAME_AS_FIELD in fields)) return;
  const [into, id] = [String(fields[SAME_AS_FIELD]), String(fields.id ?? '-')];
  problems.push({
    file,
    line: item.line,
    record: id,
    field: SAME_AS_FIELD,
    message:
      `is for imports, which merge a record into a node the graph has; the dataset states each entity once: ` +
      `move what this record adds into the record of "${into}", and name "${into}" where the dataset names "${id}"`,
  });
  delete fields[SAME_AS_FIELD]; // reported once, not again as an unknown field
}

const orNull = <T>(value: T | undefined): T | null => (value === undefined ? null : value);

/**
 * Turns an entity record into the row its upsert statement takes: every field of its schema,
 * absent ones null; a dated fact field (`opened`, …) as its two lists (`openedValues`, `openedSources`).
 */
export function entityRow(
  fields: readonly string[],
  record: Record<string, unknown> & { id: string; name: string; aliases: string[] },
): WriteRow {
  const row: Record<string, WriteRow[string]> = {};
  for (const field of fields) {
    if (isFactField(field))
      Object.assign(row, factProperties(field, factsOfInput(record[field] as FactInput)));
    else row[field] = orNull(record[field] as WriteRow[string] | undefined);
  }
  row.searchText = searchTextOf(record.id, record.name, record.aliases);
  return row;
}

export function sourceRow(record: SourceRecord): WriteRow {
  return {
    id: record.id,
    title: record.title,
    publisher: record.publisher,
    published: orNull(record.published),
    url: record.url,
    language: record.language,
    description: orNull(record.description),
    searchText: searchTextOf(record.id, record.title, [record.publisher]),
  };
}

/** A statistic's name, from its subject, metric, destination and period: `MX exports to US 2026-01`. */
export const statisticName = (
  subject: string,
  metric: string,
  destination: string | null | undefined,
  period: string,
): string => `${subject} ${metric}${destination ? ` to ${destination}` : ''} ${period}`;

export function statisticRow(record: StatisticRecord): WriteRow {
  const period = periodOf(record.period);
  if (typeof period === 'string') throw new Error(period); // unreachable: the schema checked the period
  // The schema made sure a range has low and high, and anything else a value.
  const value = record.value ?? record.low ?? Number.NaN;
  const range = record.qualifier === 'range';
  return {
    id: record.id,
    name: statisticName(record.subject, record.metric, record.destination, record.period),
    metric: record.metric,
    value,
    unit: record.unit,
    qualifier: record.qualifier,
    low: range ? (record.low ?? value) : value,
    high: range ? (record.high ?? value) : value,
    periodBasis: record.periodBasis,
    period: record.period,
    periodStart: period.start,
    periodEnd: period.end,
    granularity: period.granularity,
    scope: orNull(record.scope),
    subjectId: record.subject,
    destinationId: orNull(record.destination),
    originId: orNull(record.origin),
    sectorId: orNull(record.sector),
    publishedById: orNull(record.publishedBy),
    sourceId: record.source,
  };
}

function relationshipRow(record: RelationshipRecord, sources: ReadonlyMap<string, SourceRecord>): WriteRow {
  return claimRow(record, sources.get(record.source)?.published ?? null);
}

/** The row a claim's link statement takes; `published` is the date of the claim's source, if known. */
export function claimRow(record: RelationshipRecord, published: string | null): WriteRow {
  return {
    from: record.from,
    to: record.to,
    source: record.source,
    // A claim without its own date speaks for the day its source was published.
    asOf: record.asOf ?? published,
    role: orNull(record.role),
    since: orNull(record.since),
    until: orNull(record.until),
    note: orNull(record.note),
  };
}

/**
 * The dataset's fingerprint (`Dataset.fingerprint`) from its files' bytes alone, without parsing
 * or checking them: how a store already holding the dataset is recognised at every start-up.
 */
export function datasetFingerprint(directory = defaultDataDirectory()): string {
  const hash = createHash('sha256');
  for (const file of Object.keys(RECORD_FILES)) {
    const full = path.join(directory, file);
    if (existsSync(full)) hash.update(file).update(readFileSync(full));
  }
  return hash.digest('hex');
}

/**
 * Reads and validates every file of a dataset directory. Throws ValidationError listing every
 * problem (file, line, record, field) when anything is wrong; returns write-ready rows otherwise.
 */
export function loadDataset(directory = defaultDataDirectory()): Dataset {
  const problems: Problem[] = [];
  const kindOf = new Map<string, { kind: NodeKind; file: string; line: number }>();
  const nodes = new Map<NodeKind, WriteRow[]>();
  let relationships: Located<RelationshipRecord>[] = [];
  let statistics: Located<StatisticRecord>[] = [];
  const sources = new Map<string, SourceRecord>();
  const entitySources: { item: Located<{ id: string; sources: string[] }> }[] = [];

  for (const [file, { kind, schema }] of Object.entries(RECORD_FILES) as [
    FileName,
    (typeof RECORD_FILES)[FileName],
  ][]) {
    const listed = readYamlList(directory, file, problems);
    for (const item of listed) refuseSameAs(file, item, problems);
    const items = parseRecords(listed, schema as z.ZodType, problems);
    if (kind === 'Relationship') {
      relationships = items as Located<RelationshipRecord>[];
      continue;
    }
    for (const item of items as Located<{ id: string }>[]) {
      const previous = kindOf.get(item.record.id);
      if (previous) {
        problems.push({
          file,
          line: item.line,
          record: item.record.id,
          field: 'id',
          message: `duplicates the id of a ${previous.kind} at ${previous.file}:${previous.line}`,
        });
        continue;
      }
      kindOf.set(item.record.id, { kind, file, line: item.line });
    }
    if (kind === 'Statistic') statistics = items as Located<StatisticRecord>[];
    else if (kind === 'Source') {
      for (const item of items as Located<SourceRecord>[]) sources.set(item.record.id, item.record);
      nodes.set(
        kind,
        (items as Located<SourceRecord>[]).map((item) => sourceRow(item.record)),
      );
    } else {
      const entities = items as Located<{ id: string; name: string; aliases: string[]; sources: string[] }>[];
      for (const item of entities) entitySources.push({ item });
      const fields = Object.keys((schema as unknown as z.ZodObject).shape);
      nodes.set(
        kind,
        entities.map((item) => entityRow(fields, item.record)),
      );
    }
  }

  const check = (
    item: Located<unknown>,
    record: string,
    field: string,
    id: string | undefined,
    allowed: readonly NodeKind[],
  ): void => {
    if (id === undefined) return;
    const found = kindOf.get(id);
    if (!found) {
      problems.push({
        file: item.file,
        line: item.line,
        record,
        field,
        message: `refers to "${id}", which is not in the dataset`,
      });
    } else if (!allowed.includes(found.kind)) {
      problems.push({
        file: item.file,
        line: item.line,
        record,
        field,
        message: `refers to "${id}", a ${found.kind}; expected ${allowed.join(' or ')}`,
      });
    }
  };

  for (const { item } of entitySources) {
    item.record.sources.forEach((source, i) =>
      check(item, item.record.id, `sources.${i}`, source, ['Source']),
    );
    for (const { field, id } of factSourceRefs(item.record))
      check(item, item.record.id, field, id, ['Source']);
  }

  const claims = new Set<string>();
  const links = new Map<LinkStatementName, WriteRow[]>();
  const addRow = (statementName: LinkStatementName, row: WriteRow): void => {
    const rows = links.get(statementName) ?? [];
    rows.push(row);
    links.set(statementName, rows);
  };
  relationships.forEach((item, index) => {
    const record = item.record;
    const type = record.type as RelationshipType;
    const definition = RELATIONSHIP_TYPES[type];
    const label = `#${index + 1}`;
    const before = problems.length;
    check(item, label, 'from', record.from, definition.from);
    check(item, label, 'to', record.to, definition.to);
    check(item, label, 'source', record.source, ['Source']);
    for (const property of ['role', 'since', 'until'] as const) {
      if (
        record[property] !== undefined &&
        !(definition.properties as readonly string[]).includes(property)
      ) {
        problems.push({
          file: item.file,
          line: item.line,
          record: label,
          field: property,
          message: `${type} relationships do not carry "${property}"`,
        });
      }
    }
    const key = `${type}|${record.from}|${record.to}|${record.source}`;
    if (claims.has(key)) {
      problems.push({
        file: item.file,
        line: item.line,
        record: label,
        message: `repeats the ${type} claim ${record.from} → ${record.to} from ${record.source}`,
      });
    }
    claims.add(key);
    if (problems.length > before) return;
    const fromKind = kindOf.get(record.from)?.kind as NodeKind;
    const toKind = kindOf.get(record.to)?.kind as NodeKind;
    addRow(claimStatementName(type, fromKind, toKind), relationshipRow(record, sources));
  });

  const statisticRows: WriteRow[] = [];
  const statisticChanges: WriteRow[] = [];
  const addLink = (link: StatisticLink, id: string, target: string | undefined): void => {
    if (target === undefined) return;
    addRow(statisticLinkStatementName(link, kindOf.get(target)?.kind as NodeKind), { id, target });
  };
  statistics.forEach((item) => {
    const record = item.record;
    const before = problems.length;
    check(item, record.id, 'subject', record.subject, STATISTIC_LINKS.MEASURES.to);
    check(item, record.id, 'destination', record.destination, STATISTIC_LINKS.DESTINATION.to);
    check(item, record.id, 'origin', record.origin, STATISTIC_LINKS.ORIGIN.to);
    check(item, record.id, 'sector', record.sector, STATISTIC_LINKS.FOR_SECTOR.to);
    check(item, record.id, 'publishedBy', record.publishedBy, STATISTIC_LINKS.PUBLISHED_BY.to);
    check(item, record.id, 'source', record.source, STATISTIC_LINKS.STATED_IN.to);
    if (problems.length > before) return;
    statisticRows.push(statisticRow(record));
    if (record.changePercent !== undefined) {
      statisticChanges.push({
        id: record.id,
        changePercent: record.changePercent,
        changeComparedTo: orNull(record.changeComparedTo),
      });
    }
    addLink('MEASURES', record.id, record.subject);
    addLink('DESTINATION', record.id, record.destination);
    addLink('ORIGIN', record.id, record.origin);
    addLink('FOR_SECTOR', record.id, record.sector);
    addLink('PUBLISHED_BY', record.id, record.publishedBy);
    addLink('STATED_IN', record.id, record.source);
  });
  nodes.set('Statistic', statisticRows);

  if (problems.length > 0) throw new ValidationError(problems);
  return {
    nodes,
    links,
    statisticChanges,
    fingerprint: datasetFingerprint(directory),
  };
}
