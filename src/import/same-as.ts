import type { NodeKind } from '../domain/kinds.js';
import type { WriteRow } from '../store/catalog.js';
import type { CheckResponse } from './check-blocks.js';
import { statisticName } from './dataset.js';
import type { ImportReport } from './import-report.js';
import { FIELD_SEPARATOR, packStatistic, STATISTIC_COLUMNS } from './packed-rows.js';
import { rowOf, type Known, type Location, type Valid } from './valid-records.js';
import { STATISTIC_LINK_FIELDS } from './write-plan.js';

/**
 * Part of the resolve stage: `sameAs`. An entity record that names an existing node of its kind
 * (`"sameAs": "daimay"`) is merged into that node, and its own id, wherever the change uses it
 * (claims' ends, statistics' subject, destination, origin, sector and publisher), stands for that
 * node: references are rewritten before the plan stage, so nothing is ever written under the
 * record's own id. A chain (a same as b, b same as c) or a cycle is refused, not followed.
 */

type NodeItem = Extract<Valid, { type: 'node' }>;

/** A `sameAs` record of the change: its kind, its own id, the id it is merged into, and where it is. */
export interface Merge {
  readonly kind: NodeKind;
  readonly from: string;
  readonly into: string;
  readonly at: Location;
}

/** Imported bindings used for every statistic, held locally (see plan.ts). */
const LINK_FIELDS = STATISTIC_LINK_FIELDS;
const FIELD = FIELD_SEPARATOR;
/** Where a column sits in a packed line (`kind` follows the id: packed-rows.ts). */
const AT = (column: (typeof STATISTIC_COLUMNS)[number]): number =>
  STATISTIC_COLUMNS.indexOf(column) + (column === 'id' ? 0 : 1);
const [NAME, METRIC, PERIOD, SUBJECT] = [AT('name'), AT('metric'), AT('period'), AT('subjectId')];

export class SameAs {
  private readonly merges = new Map<string, Merge>();
  /**
   * The merges found possible so far (the node named is known, of the record's kind), by the
   * record's own id. Only these rewrite references: a reference to another `sameAs` record's id
   * waits (as one to an id not known yet), so that a merge refused is said once, at its record.
   */
  private readonly accepted = new Map<string, string>();

  /** Remembers a `sameAs` record; its id is read as the one it names once the merge is accepted. */
  add(item: NodeItem): void {
    if (item.sameAs === null) return;
    this.merges.set(item.id, { kind: item.kind, from: item.id, into: item.sameAs, at: item.at });
  }

  get(id: string): Merge | undefined {
    return this.merges.get(id);
  }

  /** A `sameAs` record found possible to merge (see `problem`): its id now stands for the node it names. */
  accept(from: string): void {
    const merge = this.merges.get(from);
    if (merge) this.accepted.set(from, merge.into);
  }

  /** The id a reference stands for: the node an accepted `sameAs` record merges its id into, or the id itself. */
  into(id: string): string {
    return this.accepted.get(id) ?? id;
  }

  /** A record with every reference to an accepted `sameAs` record's id read as the node it is merged into. */
  rewrite(item: Valid): Valid {
    if (this.accepted.size === 0 || item.type === 'node') return item;
    if (item.type === 'claim') {
      const from = this.into(item.record.from);
      const to = this.into(item.record.to);
      if (from === item.record.from && to === item.record.to) return item;
      return {
        ...item,
        record: { ...item.record, from, to },
        refs: item.refs.map((ref) => ({ ...ref, id: this.into(ref.id) })),
      };
    }
    let changed = false;
    const targets = item.targets.map((target) => {
      const id = target === null ? null : this.into(target);
      if (id !== target) changed = true;
      return id;
    });
    if (!changed) return item;
    const row: Record<string, WriteRow[string]> = { ...rowOf(item) };
    for (let i = 0; i < LINK_FIELDS.length; i += 1) {
      row[(LINK_FIELDS[i] as (typeof LINK_FIELDS)[number])[1]] = targets[i] ?? null;
    }
    // The name says the subject and destination: `<subject> <metric> to <destination> <period>`.
    row.name = statisticName(
      String(row.subjectId),
      String(row.metric),
      typeof row.destinationId === 'string' ? row.destinationId : null,
      String(row.period),
    );
    const packed = item.packed === null ? null : packStatistic(row);
    const { kinds: _kinds, ...rest } = item;
    return { ...rest, targets, packed, row: packed === null ? row : null };
  }

  /**
   * A block's packed statistics (check-blocks.ts) with every reference to an accepted `sameAs`
   * record's id read as the node it names: rows (targets and name) and link lines, so that the
   * block can still be taken whole (plan.ts `planWhole`). The block itself when it names none.
   */
  rewriteBlock(response: CheckResponse): CheckResponse {
    if (this.accepted.size === 0) return response;
    const named = response.targets.map((target) => this.accepted.get(target));
    if (named.every((into) => into === undefined)) return response;
    const rows = response.packed.split('\n').map((row) => {
      const fields = row.split(FIELD);
      let changed = false;
      for (let i = 0; i < LINK_FIELDS.length; i += 1) {
        const into = this.accepted.get(fields[SUBJECT + i] as string);
        if (into === undefined) continue;
        fields[SUBJECT + i] = into;
        changed = true;
      }
      if (!changed) return row;
      const [subject, destination] = [fields[SUBJECT] as string, fields[SUBJECT + 1] as string];
      fields[NAME] = statisticName(subject, fields[METRIC] as string, destination, fields[PERIOD] as string);
      return fields.join(FIELD);
    });
    const links = response.links.map((group) => {
      const into = named[group.target];
      if (into === undefined) return group;
      const lines = group.lines
        .split('\n')
        .map((line) => `${line.slice(0, line.indexOf(FIELD))}${FIELD}${into}`);
      return { ...group, lines: lines.join('\n') };
    });
    const targets = response.targets.map((target, i) => named[i] ?? target);
    return { ...response, packed: rows.join('\n'), links, targets };
  }

  /**
   * What is wrong with merging a `sameAs` record, or null: nothing (it may be merged now), given
   * what the import knows of its own id in the graph (`own`) and of the id it names (`target`:
   * undefined or null while neither the change nor the graph is known to have it). `final`: nothing
   * more comes, so an id not found is missing rather than possibly further on.
   */
  problem(
    item: NodeItem,
    own: Known | null | undefined,
    target: Known | null | undefined,
    report: ImportReport,
    final: boolean,
  ): { readonly field: string; readonly message: string; readonly wait: boolean } | null {
    const into = item.sameAs as string;
    if (own) {
      return {
        field: 'id',
        wait: false,
        message:
          `"${item.id}" is already a ${own.kind} in the graph, and sameAs merges a new record into an existing node; ` +
          `merging two stored nodes into one is not what it does. Leave out sameAs to amend "${item.id}", ` +
          `or give the fields to add to "${into}" in a record with the id "${into}"`,
      };
    }
    const next = this.merges.get(into);
    if (next) {
      const path = [item.id, into];
      let last: Merge | undefined = next;
      while (last && !path.includes(last.into)) {
        path.push(last.into);
        last = this.merges.get(last.into);
      }
      const cycle = last !== undefined;
      const where = `${report.fileName(next.at.file)}:${next.at.line}`;
      return {
        field: 'sameAs',
        wait: false,
        message: cycle
          ? `names "${into}", which this change merges by sameAs into "${next.into}" (${where}): ` +
            `${[...path, (last as Merge).into].join(' → ')} is a cycle; sameAs must name a node the graph has, ` +
            `or one this change creates under its own id`
          : `names "${into}", which this change itself merges by sameAs into "${next.into}" (${where}); ` +
            `chains of sameAs are not followed: name "${path.at(-1) as string}" here`,
      };
    }
    if (!target) {
      if (!final) return { field: 'sameAs', wait: true, message: '' };
      const files = report.files.length;
      return {
        field: 'sameAs',
        wait: false,
        message:
          `names "${into}", which is neither in the graph nor in this change (its ${files} file${files === 1 ? '' : 's'}): ` +
          `sameAs must name an existing ${item.kind}; correct the id, or leave out sameAs to create "${item.id}" as a new ${item.kind}`,
      };
    }
    if (target.kind !== item.kind) {
      return {
        field: 'sameAs',
        wait: false,
        message:
          `names "${into}", a ${target.kind}; a ${item.kind} record can only be merged into a ${item.kind}: ` +
          `name a ${item.kind}, or leave out sameAs to create "${item.id}"`,
      };
    }
    return null;
  }
}

/** A `sameAs` record as the node it is merged into: its id (and its row's) the node's, its own kept as `mergedFrom`. */
export function mergedInto(item: NodeItem): NodeItem {
  const into = item.sameAs as string;
  return { ...item, id: into, row: { ...item.row, id: into }, mergedFrom: item.id };
}
