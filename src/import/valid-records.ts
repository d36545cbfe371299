import type { NodeKind } from '../domain/kinds.js';
import { STATISTIC_LINKS } from '../domain/relationships.js';
import type { RelationshipRecord } from '../records/records.js';
import type { WriteRow } from '../store/catalog.js';
import { FIELD_SEPARATOR, FIRST_TARGET_FIELD, unpackStatistic } from './packed-rows.js';
import { STATISTIC_LINK_FIELDS } from './write-plan.js';

/**
 * A record of an import once checked and admitted (not a repeat): what the resolve and plan stages
 * work on, with where it comes from and the ids it refers to.
 */

/** Where a record is: the index of its file in the import, and its line. */
export interface Location {
  readonly file: number;
  readonly line: number;
}

export type Reference = {
  readonly field: string;
  readonly id: string;
  readonly allowed: readonly NodeKind[];
};

/** A record that passed its schema and the duplicate checks, waiting for references and classification. */
export type Valid =
  | {
      readonly type: 'node';
      readonly kind: Exclude<NodeKind, 'Statistic'>;
      readonly id: string;
      readonly row: WriteRow;
      readonly ensure: boolean;
      /** A Source's publication date (null for other kinds). */
      readonly published: string | null;
      readonly given: readonly string[];
      readonly cleared: readonly string[];
      readonly patch: boolean;
      /** The existing node the record names as the same (`sameAs`); null: none. */
      readonly sameAs: string | null;
      /**
       * Once resolved, a `sameAs` record stands for the node it is merged into (`id`, and `row.id`);
       * this is its own id, which the graph never gets.
       */
      readonly mergedFrom?: string;
      readonly at: Location;
      readonly refs: readonly Reference[];
    }
  | {
      readonly type: 'statistic';
      readonly id: string;
      /** The row packed for the bulk insert; null when it cannot be packed (then `row` is given). */
      readonly packed: string | null;
      readonly row: WriteRow | null;
      /** Subject, destination, origin, sector, publisher and source ids (null when absent). */
      readonly targets: readonly (string | null)[];
      /** The kinds of the targets, once resolved. */
      kinds?: (NodeKind | null)[];
      readonly at: Location;
    }
  | {
      readonly type: 'claim';
      readonly record: RelationshipRecord;
      readonly label: string;
      readonly at: Location;
      readonly refs: readonly Reference[];
    };

/** What the import knows of an id: its kind and, for a Source, its publication date. */
export interface Known {
  readonly kind: NodeKind;
  /** For Sources: the publication date, which dates the claims that cite them without a date. */
  readonly published: string | null;
}

// Imported bindings used for every record, held locally: some module loaders (tsx) turn each
// access to an imported binding into a getter call.
const FIELD = FIELD_SEPARATOR;
const FIRST_TARGET = FIRST_TARGET_FIELD;
const LINK_FIELDS = STATISTIC_LINK_FIELDS;

/**
 * The references of a statistic, in the order of its `targets` (and of STATISTIC_LINK_FIELDS):
 * the field named in problems and the kinds allowed.
 */
export const STATISTIC_REFERENCES: readonly (readonly [string, readonly NodeKind[]])[] = [
  ['subject', STATISTIC_LINKS.MEASURES.to],
  ['destination', STATISTIC_LINKS.DESTINATION.to],
  ['origin', STATISTIC_LINKS.ORIGIN.to],
  ['sector', STATISTIC_LINKS.FOR_SECTOR.to],
  ['publishedBy', STATISTIC_LINKS.PUBLISHED_BY.to],
  ['source', STATISTIC_LINKS.STATED_IN.to],
];

/** A statistic's target ids, from its packed row or its row. */
export function targetsOf(packed: string | null, row: WriteRow | null): (string | null)[] {
  if (packed !== null) {
    let at = -1;
    for (let i = 0; i < FIRST_TARGET; i += 1) at = packed.indexOf(FIELD, at + 1);
    // The targets (subjectId … sourceId) are followed by the qualifier's columns.
    const targets: (string | null)[] = packed.slice(at + 1).split(FIELD, LINK_FIELDS.length);
    for (let i = 0; i < targets.length; i += 1) if (targets[i] === '') targets[i] = null;
    return targets;
  }
  return STATISTIC_LINK_FIELDS.map(([, field]) => {
    const value = row?.[field];
    return typeof value === 'string' ? value : null;
  });
}

/** The row of a checked statistic (unpacked when only the packed form was kept). */
export function rowOf(item: Extract<Valid, { type: 'statistic' }>): WriteRow {
  if (item.row) return item.row;
  if (item.packed === null) throw new Error(`statistic ${item.id} has neither a row nor a packed row`);
  return unpackStatistic(item.packed);
}

/** The ids a checked record refers to, with the kinds each may be. */
export function* referencesOf(item: Valid): Generator<Reference> {
  if (item.type !== 'statistic') {
    yield* item.refs;
    return;
  }
  for (let i = 0; i < STATISTIC_REFERENCES.length; i += 1) {
    const id = item.targets[i];
    const [field, allowed] = STATISTIC_REFERENCES[i] as (typeof STATISTIC_REFERENCES)[number];
    if (typeof id === 'string') yield { field, id, allowed };
  }
}

/** How problems name a record: a claim by its type and ends, a node by its id (a `sameAs` record's own). */
export const labelOf = (item: Valid): string =>
  item.type === 'claim' ? item.label : item.type === 'node' ? (item.mergedFrom ?? item.id) : item.id;
