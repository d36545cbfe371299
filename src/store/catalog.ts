import type { NodeKind } from '../domain/kinds.js';
import type { Dialect } from './cypher-catalog.js';
import { GENERATED_STATEMENTS } from './generated-statements.js';
import { CLAIM_FACT_COLUMNS, RELATION_STATEMENTS, type ClaimFactColumns } from './relation-statements.js';
import { PATH_STATEMENTS } from './path-statements.js';
import { STATISTIC_READ_STATEMENTS } from './statistic-read-statements.js';
import { countStatistics, EMBEDDED_ONLY_STATEMENTS } from './rebuild-statements.js';
import { STATISTIC_KEY_STATEMENTS } from './statistic-key-statements.js';

import { readStatement, writeStatement, type Statement, type StatementInfo } from './statements.js';
import type { GraphNode, ParamValue, StoreValue } from './values.js';

/** Every Cypher statement the application runs, by name. `cypher/<name>.cypher` holds each text. */

// Generated from the domain model (their label unions with it), named here with the rest.
export { relationsOf } from './relation-statements.js';
export { statisticsBySubjects } from './statistic-read-statements.js';

type Rows<T> = { rows: T[] };
export type WriteRow = { readonly [key: string]: ParamValue };

const upsert = (kind: NodeKind): Statement<Rows<WriteRow>> =>
  writeStatement<Rows<WriteRow>>(`upsert-${kind.replace(/(?<!^)([A-Z])/g, '-$1').toLowerCase()}`, ['rows']);

export const upsertStatements: Record<NodeKind, Statement<Rows<WriteRow>>> = {
  Company: upsert('Company'),
  Plant: upsert('Plant'),
  Association: upsert('Association'),
  Sector: upsert('Sector'),
  Policy: upsert('Policy'),
  Statistic: upsert('Statistic'),
  Country: upsert('Country'),
  Region: upsert('Region'),
  Person: upsert('Person'),
  Agency: upsert('Agency'),
  Source: upsert('Source'),
};

export const setStatisticChange = writeStatement<Rows<WriteRow>>('set-statistic-change', ['rows']);

export const clearGraph = writeStatement<Record<string, never>>('clear-graph', []);
export const setMeta = writeStatement<{ key: string; value: string }>('set-meta', ['key', 'value']);
export const getMeta = readStatement<{ key: string }, { value: string }>('get-meta', ['key'], {
  value: true,
});

export const countNodes = readStatement<Record<string, never>, { kind: string; count: number }>(
  'count-nodes',
  [],
  { kind: true, count: true },
);
export const countRelationships = readStatement<Record<string, never>, { type: string; count: number }>(
  'count-relationships',
  [],
  { type: true, count: true },
);

export const associationMembers = readStatement<
  /** Empty strings mean "no filter". */
  { associationIds: string[]; asOf: string; sourceId: string },
  { associationId: string; member: GraphNode; sourceId: string; asOf: string | null }
>(
  'association-members',
  ['associationIds', 'asOf', 'sourceId'],
  {
    associationId: true,
    member: true,
    sourceId: true,
    asOf: true,
  },
  { keyedBy: { param: 'associationIds', column: 'associationId' } },
);

/** Two-way statistics whose destination is one of the partners (see two-way-statistics-by-partner). */
export const twoWayStatisticsByPartner = readStatement<
  { partnerIds: string[]; metrics: string[]; periodFrom: string; periodTo: string; other: string },
  { partnerId: string; statistic: GraphNode }
>(
  'two-way-statistics-by-partner',
  ['partnerIds', 'metrics', 'periodFrom', 'periodTo', 'other'],
  {
    partnerId: true,
    statistic: true,
  },
  { keyedBy: { param: 'partnerIds', column: 'partnerId' } },
);

export const personRoles = readStatement<
  { personIds: string[] },
  { personId: string; organisation: GraphNode; role: string | null; sourceId: string; asOf: string | null }
>(
  'person-roles',
  ['personIds'],
  {
    personId: true,
    organisation: true,
    role: true,
    sourceId: true,
    asOf: true,
  },
  { keyedBy: { param: 'personIds', column: 'personId' } },
);

/**
 * Ranked search. The embedded dialect matches `term` inside the folded search text; the Neo4j
 * dialect asks its full-text index with `luceneQuery` first. Both score with exact/prefix/wordStart.
 */
export const searchEntities = readStatement<
  {
    term: string;
    exact: string;
    prefix: string;
    wordStart: string;
    luceneQuery: string;
    kinds: string[];
    limit: number;
  },
  { node: GraphNode; score: number }
>('search-entities', ['term', 'exact', 'prefix', 'wordStart', 'luceneQuery', 'kinds', 'limit'], {
  node: true,
  score: true,
});

/** One search of `searchEntitiesEach`: a term and its forms as `searchEntities` takes them. */
export interface EntitySearch {
  readonly [key: string]: string | number;
  /** Which search a row answers (rows come search after search). */
  readonly search: number;
  readonly term: string;
  readonly exact: string;
  readonly prefix: string;
  readonly wordStart: string;
  readonly luceneQuery: string;
}

/**
 * `searchEntities` for several terms of the same kinds in one read, each ranked as it ranks
 * them: at most `limit` rows per search on Neo4j, every match on the embedded engine (whose
 * Cypher has no per-group limit), so the caller keeps the first `limit` of each.
 */
export const searchEntitiesEach = readStatement<
  { searches: EntitySearch[]; kinds: string[]; limit: number },
  { search: number; node: GraphNode; score: number }
>('search-entities-each', ['searches', 'kinds', 'limit'], { search: true, node: true, score: true });

/* Statements of bulk import and export (src/import/import.ts, journal.ts; src/export/export.ts). */

/** New statistics, packed as text (src/import/packed-rows.ts); bulk-loaded by the embedded engine. */
export const insertStatistics = writeStatement<{ statistics: string }>('insert-statistics', ['statistics']);

/** New statistics staged in the store's bulk directory (src/import/staging.ts); bulk-loaded by the embedded engine. */
export const copyStatistics = writeStatement<Record<string, never>>('copy-statistics', []);

export const findStatistics = readStatement<{ ids: string[] }, { id: string; node: GraphNode }>(
  'find-statistics',
  ['ids'],
  { id: true, node: true },
);

export const unlinkStatistics = writeStatement<{ ids: string[] }>('unlink-statistics', ['ids']);

/** A relationship claim named by its type (`kind`), ends and source. */
export type ClaimKey = { kind: string; from: string; to: string; source: string };
export const deleteClaims = writeStatement<{ claims: ClaimKey[] }>('delete-claims', ['claims']);

export const listMeta = readStatement<{ keyPrefix: string }, { key: string; value: string }>(
  'list-meta',
  ['keyPrefix'],
  {
    key: true,
    value: true,
  },
);
export const deleteMeta = writeStatement<{ key: string }>('delete-meta', ['key']);

/** A relationship leaving a node: type, ends and properties (null where its type has none). */
export interface OutgoingRelationship extends ClaimFactColumns {
  from: string;
  type: string;
  to: string;
  [key: string]: StoreValue;
}

export const outgoingRelationships = readStatement<{ ids: string[] }, OutgoingRelationship>(
  'outgoing-relationships',
  ['ids'],
  { from: true, type: true, to: true, ...CLAIM_FACT_COLUMNS },
);

export const ALL_STATEMENTS: readonly StatementInfo[] = [
  ...Object.values(upsertStatements),
  ...GENERATED_STATEMENTS,
  ...RELATION_STATEMENTS,
  ...PATH_STATEMENTS,
  ...STATISTIC_READ_STATEMENTS,
  ...STATISTIC_KEY_STATEMENTS,
  setStatisticChange,
  clearGraph,
  setMeta,
  getMeta,
  countNodes,
  countRelationships,
  associationMembers,
  twoWayStatisticsByPartner,
  personRoles,
  searchEntities,
  searchEntitiesEach,
  insertStatistics,
  copyStatistics,
  findStatistics,
  unlinkStatistics,
  deleteClaims,
  listMeta,
  deleteMeta,
  outgoingRelationships,
  countStatistics,
];

/** Every statement a store of this dialect may run: the embedded store also has its table rebuilds. */
export function statementsFor(dialect: Dialect): readonly StatementInfo[] {
  return dialect === 'embedded' ? [...ALL_STATEMENTS, ...EMBEDDED_ONLY_STATEMENTS] : ALL_STATEMENTS;
}
