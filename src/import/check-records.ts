import type { z } from 'zod';
import type { NodeKind } from '../domain/kinds.js';
import { RELATIONSHIP_TYPES, type RelationshipType } from '../domain/relationships.js';
import type { WriteRow } from '../store/catalog.js';
import {
  factProperties,
  factSourceRefs,
  factsOfInput,
  isFactField,
  type FactInput,
} from '../domain/facts.js';
import { entityRow, sourceRow, statisticRow } from './dataset.js';
import { contentHash } from './id-index.js';
import type { InputRecord } from './input-files.js';
import { fieldsOf, SAME_AS_FIELD, schemaOf, takesSameAs, type RecordKind } from '../records/record-kinds.js';
import { packStatistic } from './packed-rows.js';
import type { ProblemSink } from './problems.js';
import type { RelationshipRecord, SourceRecord, StatisticRecord } from '../records/records.js';

/**
 * The part of checking a record that needs nothing but the record: its schema, and the rows it
 * becomes. Pure, so blocks of records (check-blocks.ts) can be checked in worker threads (check-worker.ts) while the
 * main thread does what needs the whole import (repeats, references, the store). Results are
 * plain data, cheap to pass between threads.
 */

export interface CheckedStatistic {
  readonly t: 's';
  readonly line: number;
  readonly id: string;
  /** The row packed (packed-rows.ts); null when it cannot be, and then `row` is given. */
  readonly packed: string | null;
  readonly row: WriteRow | null;
  /** Hash of the row's content, to tell exact repeats from conflicting ones. */
  readonly hash: number;
  /** The two hashes of the id (id-index.ts), when computed already. */
  readonly idHashes?: readonly [number, number];
  /** Subject, destination, origin, sector, publisher and source ids (null when absent), when known. */
  readonly targets?: readonly (string | null)[];
}

export interface CheckedNode {
  readonly t: 'n';
  readonly line: number;
  readonly kind: Exclude<NodeKind, 'Statistic'>;
  readonly id: string;
  readonly row: WriteRow;
  readonly hash: number;
  /** A Source's publication date (it dates the claims that cite it without a date of their own). */
  readonly published: string | null;
  /** The Sources an entity lists. */
  readonly sources: readonly string[];
  /** The Sources its dated facts name, each with its field (`opened.1.source`). */
  readonly factSources: readonly { readonly field: string; readonly id: string }[];
  readonly ensure: boolean;
  /** The fields the record gives (an import changes only these on a node the graph has). */
  readonly given: readonly string[];
  /** The fields the record sets to null on purpose (JSON Lines): cleared on the stored node. */
  readonly cleared: readonly string[];
  /** The record leaves out fields a new node needs: it can only amend a node the graph has. */
  readonly patch: boolean;
  /** The existing node the record is the same as (`sameAs`), which it is merged into; null: none. */
  readonly sameAs: string | null;
}

export interface CheckedClaim {
  readonly t: 'c';
  readonly line: number;
  readonly record: RelationshipRecord;
  readonly label: string;
  readonly hash: number;
}

export type Checked = CheckedStatistic | CheckedNode | CheckedClaim;

/** Checks one record against its schema; reports its problems and returns null, or what it becomes. */
export function checkRecord(input: InputRecord, fileName: string, problems: ProblemSink): Checked | null {
  if (input.kind !== 'Relationship' && input.kind !== 'Statistic')
    return checkNode(input, fileName, problems);
  const id = typeof input.fields.id === 'string' ? input.fields.id : null;
  const label =
    input.kind === 'Relationship'
      ? `${String(input.fields.type)} ${String(input.fields.from)}→${String(input.fields.to)}`
      : (id ?? '-');
  const result = schemaOf(input.kind).safeParse(input.fields);
  if (!result.success) {
    for (const issue of (result.error as z.ZodError).issues) {
      problems.push({
        file: fileName,
        line: input.line,
        record: label,
        ...(issue.path.length > 0 ? { field: issue.path.join('.') } : {}),
        message: issue.message,
      });
    }
    return null;
  }
  const record = result.data as Record<string, unknown>;
  if (input.kind === 'Relationship') {
    const claim = record as RelationshipRecord;
    const definition = RELATIONSHIP_TYPES[claim.type as RelationshipType];
    let extra = false;
    for (const property of ['role', 'since', 'until'] as const) {
      if (claim[property] !== undefined && !(definition.properties as readonly string[]).includes(property)) {
        extra = true;
        problems.push({
          file: fileName,
          line: input.line,
          record: label,
          field: property,
          message: `${claim.type} relationships do not carry "${property}"`,
        });
      }
    }
    if (extra) return null;
    return { t: 'c', line: input.line, record: claim, label, hash: contentHash(JSON.stringify(claim)) };
  }
  const nodeId = record.id as string;
  if (input.kind === 'Statistic') {
    const statistic = record as StatisticRecord;
    const row: Record<string, WriteRow[string]> = statisticRow(statistic);
    row.changePercent = statistic.changePercent ?? null;
    row.changeComparedTo = statistic.changeComparedTo ?? null;
    const packed = packStatistic(row);
    return {
      t: 's',
      line: input.line,
      id: nodeId,
      packed,
      row: packed === null ? row : null,
      hash: contentHash(packed ?? JSON.stringify(row)),
      targets: [
        statistic.subject,
        statistic.destination ?? null,
        statistic.origin ?? null,
        statistic.sector ?? null,
        statistic.publishedBy ?? null,
        statistic.source,
      ],
    };
  }
  throw new Error(`unreachable: ${input.kind} records are checked by checkNode`);
}

/** Whether a schema field accepts being left out (optional, or with a default). */
function optionalField(kind: RecordKind, field: string): boolean {
  const shape = (schemaOf(kind) as unknown as { shape?: Record<string, z.ZodType> }).shape ?? {};
  const schema = shape[field];
  return schema === undefined || schema.safeParse(undefined).success;
}

/**
 * An entity or Source record. Imports are additive: the record changes only the fields it gives,
 * so it may leave out even the fields a new node needs (`name`, …) when it amends a node the graph
 * has (`patch`); a field set to null (JSON Lines) is cleared on purpose, when the kind allows it
 * to be absent.
 */
function checkNode(input: InputRecord, fileName: string, problems: ProblemSink): CheckedNode | null {
  const kind = input.kind as Exclude<NodeKind, 'Statistic'>;
  const id = typeof input.fields.id === 'string' ? input.fields.id : '-';
  const fields: Record<string, unknown> = {};
  const cleared: string[] = [];
  const sameAs = sameAsOf(kind, input, fileName, problems);
  let wrong = sameAs === undefined;
  for (const [field, value] of Object.entries(input.fields)) {
    if (field === SAME_AS_FIELD) continue;
    if (value !== null) {
      fields[field] = value;
      continue;
    }
    if (field === 'id' || field === 'kind' || !optionalField(kind, field)) {
      wrong = true;
      problems.push({
        file: fileName,
        line: input.line,
        record: id,
        field,
        message: `cannot be cleared (null): a ${kind} always has it`,
      });
    } else cleared.push(field);
  }
  const known = new Set(fieldsOf(kind));
  const missing = [...known].filter((field) => !(field in fields) && !optionalField(kind, field));
  const patch = missing.length > 0 && 'id' in fields && !missing.includes('id');
  const schema = schemaOf(kind) as unknown as z.ZodObject;
  const result = (patch ? schema.partial() : schema).safeParse(fields);
  if (!result.success || wrong) {
    for (const issue of result.success ? [] : (result.error as z.ZodError).issues) {
      problems.push({
        file: fileName,
        line: input.line,
        record: id,
        ...(issue.path.length > 0 ? { field: issue.path.join('.') } : {}),
        message: issue.message,
      });
    }
    return null;
  }
  const record = result.data as Record<string, unknown>;
  const given = Object.keys(fields).filter((field) => field !== 'kind' && known.has(field));
  let row: WriteRow;
  if (patch) {
    // Only what is given; the rest (and the search text) comes from the stored node when merged.
    const fields: Record<string, WriteRow[string]> = {};
    for (const field of given) {
      if (isFactField(field))
        Object.assign(fields, factProperties(field, factsOfInput(record[field] as FactInput)));
      else fields[field] = record[field] as WriteRow[string];
    }
    row = fields;
  } else {
    row =
      kind === 'Source'
        ? sourceRow(record as SourceRecord)
        : entityRow(
            fieldsOf(kind),
            record as Record<string, unknown> & { id: string; name: string; aliases: string[] },
          );
  }
  return {
    t: 'n',
    line: input.line,
    kind,
    id: record.id as string,
    row,
    hash: contentHash(`${kind}|${JSON.stringify(record)}|${cleared.join(',')}|${sameAs ?? ''}`),
    published: kind === 'Source' ? ((record as SourceRecord).published ?? null) : null,
    sources: kind === 'Source' ? [] : ((record.sources as string[] | undefined) ?? []),
    factSources: factSourceRefs(record),
    ensure: input.ensure ?? false,
    given,
    cleared,
    patch,
    sameAs: sameAs ?? null,
  };
}

/**
 * A record's `sameAs`: the id it names, null when it has none, undefined when it is wrong (a
 * problem reported). Whether that id exists, and is of the record's kind, is the resolve stage's.
 */
function sameAsOf(
  kind: RecordKind,
  input: InputRecord,
  fileName: string,
  problems: ProblemSink,
): string | null | undefined {
  if (!(SAME_AS_FIELD in input.fields)) return null;
  const value = input.fields[SAME_AS_FIELD];
  const id = typeof input.fields.id === 'string' ? input.fields.id : '-';
  const problem = (message: string): undefined => {
    problems.push({ file: fileName, line: input.line, record: id, field: SAME_AS_FIELD, message });
    return undefined;
  };
  if (!takesSameAs(kind)) {
    return problem(
      `is for entity records only (a ${kind} cannot be merged into another): leave it out, and give the record the id it should amend`,
    );
  }
  if (typeof value !== 'string' || value.trim() === '') {
    return problem(
      `must name the id of an existing ${kind} this record is the same as (a string such as "sameAs": "daimay"); leave it out to create or amend "${id}"`,
    );
  }
  if (value === id) {
    return problem(
      `is the record's own id "${id}": sameAs names another, existing ${kind} to merge this record into; leave it out to create or amend "${id}"`,
    );
  }
  return value;
}
