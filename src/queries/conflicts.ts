import { findConflicts, type Conflict } from '../domain/conflicts.js';
import {
  FACT_FIELDS,
  factConflicts,
  factFieldsOf,
  storedFacts,
  type FactConflict,
  type FactField,
  type FactKind,
} from '../domain/facts.js';
import { findNodes } from '../store/find-nodes.js';
import type { GraphNode } from '../store/values.js';
import type { Statistic } from '../domain/statistic.js';
import { listStatement } from '../store/generated-statements.js';
import type { GraphStore } from '../store/graph-store.js';
import { findStatistics, statisticFromNode } from './statistics.js';

export interface ConflictFilter {
  /** Only figures measuring these subjects (all subjects when left out). */
  readonly subjectIds?: readonly string[];
  readonly metric?: string;
}

const PAGE = 5000;

/** Every stored statistic, a page at a time in id order. */
async function allStatistics(store: GraphStore): Promise<Statistic[]> {
  const statistics: Statistic[] = [];
  let after = '';
  for (;;) {
    const rows = await store.read(listStatement('Statistic'), { after, limit: PAGE });
    for (const row of rows) statistics.push(statisticFromNode(row.node));
    if (rows.length < PAGE) return statistics;
    after = rows[rows.length - 1]?.node.id ?? after;
  }
}

/**
 * Every pair of figures from different sources that share subject, metric, unit, period (as a
 * span of days), destination, origin and sector but state different figures (see
 * src/domain/conflicts.ts). The one implementation behind the API's `conflicts`, the CLI's
 * `tradegraph conflicts` and the tests.
 */
export async function findStatisticConflicts(
  store: GraphStore,
  filter: ConflictFilter = {},
): Promise<Conflict[]> {
  const statistics =
    filter.subjectIds === undefined
      ? (await allStatistics(store)).filter((s) => filter.metric === undefined || s.metric === filter.metric)
      : await findStatistics(store, {
          subjectIds: filter.subjectIds,
          ...(filter.metric === undefined ? {} : { metric: filter.metric }),
        });
  return findConflicts(statistics);
}

/** Two sources' differing values of a dated fact of one entity (src/domain/facts.ts). */
export interface EntityFactConflict extends FactConflict {
  readonly entity: GraphNode;
}

export interface FactConflictFilter {
  /** Only facts of these entities (all entities when left out). */
  readonly subjectIds?: readonly string[];
  /** Only this field (`opened`, `founded`, `startDate`, `endDate`). */
  readonly field?: FactField;
}

/** Every node of the kinds that hold dated facts, a page at a time in id order. */
async function nodesWithFacts(store: GraphStore): Promise<GraphNode[]> {
  const nodes: GraphNode[] = [];
  for (const kind of Object.keys(FACT_FIELDS) as FactKind[]) {
    let after = '';
    for (;;) {
      const rows = await store.read(listStatement(kind), { after, limit: PAGE });
      for (const row of rows) nodes.push(row.node);
      if (rows.length < PAGE) break;
      after = rows[rows.length - 1]?.node.id ?? after;
    }
  }
  return nodes;
}

/**
 * Every pair of an entity's dated facts (a plant's opening, an association's founding, a policy's
 * start or end) from different sources that state different dates: `precision` when one date
 * lies within the other (`2026-07` and `2026-07-01`), else `contradiction`. Entities in id order.
 */
export async function findFactConflicts(
  store: GraphStore,
  filter: FactConflictFilter = {},
): Promise<EntityFactConflict[]> {
  const nodes =
    filter.subjectIds === undefined
      ? await nodesWithFacts(store)
      : [...(await findNodes(store, filter.subjectIds)).values()];
  nodes.sort((a, b) => a.id.localeCompare(b.id));
  return nodes.flatMap((entity) =>
    factFieldsOf(entity.kind)
      .filter((field) => filter.field === undefined || field === filter.field)
      .flatMap((field) => factConflicts(field, storedFacts(entity.properties, field)))
      .map((conflict) => ({ ...conflict, entity })),
  );
}
