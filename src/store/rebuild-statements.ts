import { STATISTIC_LINK_REBUILD as LINKS, relationshipPairs } from './generated-statements.js';
import { bulkStatement, readStatement, type Statement, type StatementInfo } from './statements.js';
import {
  REBUILT_CLAIM_TYPES,
  REBUILT_NODE_KINDS,
  copySetAsideClaimsStatementName,
  copySetAsideNodesStatementName,
  createClaimsTableStatementName,
  createNodesTableStatementName,
  dropSetAsideClaimsStatementName,
  dropSetAsideNodesStatementName,
  setAsideClaimsStatementName,
  setAsideNodesStatementName,
} from './table-rebuild-cypher.js';

/**
 * Building a table again inside a bulk write, on the embedded engine only. Its bulk loader
 * appending to a table that already holds rows leaves the appended rows slow to find and read, the
 * more so the larger the load against the table (bench/README.md: at scale M, 140 statistics read
 * by id in 9.4 ms instead of 3.5, 39 statistic keys in 17 ms instead of 0.4). Loaded into an empty
 * table in one transaction, they are not. So a large import sets the stored rows' table aside
 * (renamed), makes an empty one from the schema, loads its new rows and then the set-aside ones,
 * and drops the old table, all in the copy of the database a bulk write builds: a kill at any
 * moment still leaves the graph as before or as after. Neo4j has no such tables (and no bulk
 * write): these statements exist for the embedded engine alone.
 */

/** How many statistics the store holds (both engines). */
export const countStatistics = readStatement<Record<string, never>, { statistics: number }>(
  'count-statistics',
  [],
  { statistics: true },
);

export const setAsideStatisticKeys = bulkStatement('set-aside-statistic-keys');
export const createStatisticKeyTable = bulkStatement('create-statistic-key-table');
export const copySetAsideStatisticKeys = bulkStatement('copy-set-aside-statistic-keys');
export const dropSetAsideStatisticKeys = bulkStatement('drop-set-aside-statistic-keys');

export const setAsideStatistics = bulkStatement('set-aside-statistics');
export const createStatisticTable = bulkStatement('create-statistic-table');
export const copySetAsideStatistics = bulkStatement('copy-set-aside-statistics');
export const dropSetAsideStatistics = bulkStatement('drop-set-aside-statistics');

type Steps = readonly Statement<Record<string, never>>[];

/** The key table built again: `before` the new keys' bulk load, then `after` it. */
export const KEY_TABLE_REBUILD: { readonly before: Steps; readonly after: Steps } = {
  before: [setAsideStatisticKeys, createStatisticKeyTable],
  after: [copySetAsideStatisticKeys, dropSetAsideStatisticKeys],
};

/**
 * Every other node table and every claim table, built again with the statistics. Rows appended
 * to a node table after a checkpoint read about 2.5 times slower than rows loaded at once
 * (bench/README.md, "Every target on a fast host, and entity rows appended after a checkpoint"), and a large import appends
 * thousands. The link tables point to these tables, and are built again anyway.
 */
const NODES_AND_CLAIMS = {
  setAside: [
    ...REBUILT_CLAIM_TYPES.map((type) => bulkStatement(setAsideClaimsStatementName(type))),
    ...REBUILT_NODE_KINDS.map((kind) => bulkStatement(setAsideNodesStatementName(kind))),
  ],
  createAndCopy: [
    ...REBUILT_NODE_KINDS.map((kind) => bulkStatement(createNodesTableStatementName(kind))),
    ...REBUILT_NODE_KINDS.map((kind) => bulkStatement(copySetAsideNodesStatementName(kind))),
    ...REBUILT_CLAIM_TYPES.map((type) => bulkStatement(createClaimsTableStatementName(type))),
    ...relationshipPairs().map(([type, from, to]) =>
      bulkStatement(copySetAsideClaimsStatementName(type, from, to)),
    ),
  ],
  drop: [
    ...REBUILT_CLAIM_TYPES.map((type) => bulkStatement(dropSetAsideClaimsStatementName(type))),
    ...REBUILT_NODE_KINDS.map((kind) => bulkStatement(dropSetAsideNodesStatementName(kind))),
  ],
};

/**
 * The graph's tables built again, all but the statistic keys and Meta: `before` the new
 * statistics' bulk load (every table set aside; the other node tables and the claims made again
 * and loaded; the Statistic and link tables made again, empty), `statistics` right after it (the
 * set-aside statistics, so that every link finds both its ends), then the new links' loads, then
 * `after` (the set-aside links loaded, and every set-aside table dropped, relationships first).
 */
export const STATISTIC_TABLE_REBUILD: {
  readonly before: Steps;
  readonly statistics: Steps;
  readonly after: Steps;
} = {
  before: [
    setAsideStatistics,
    ...LINKS.setAside,
    ...NODES_AND_CLAIMS.setAside,
    ...NODES_AND_CLAIMS.createAndCopy,
    createStatisticTable,
    ...LINKS.create,
  ],
  statistics: [copySetAsideStatistics],
  after: [...LINKS.copySetAside, ...LINKS.dropSetAside, ...NODES_AND_CLAIMS.drop, dropSetAsideStatistics],
};

/** Statements only the embedded store has (its catalog is verified with them, Neo4j's without). */
export const EMBEDDED_ONLY_STATEMENTS: readonly StatementInfo[] = [
  ...KEY_TABLE_REBUILD.before,
  ...KEY_TABLE_REBUILD.after,
  ...STATISTIC_TABLE_REBUILD.before,
  ...STATISTIC_TABLE_REBUILD.statistics,
  ...STATISTIC_TABLE_REBUILD.after,
];
