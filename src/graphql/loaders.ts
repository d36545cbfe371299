import DataLoader from 'dataloader';
import type { Statistic } from '../domain/statistic.js';
import { findStatistics, type StatisticFilter } from '../queries/statistics.js';
import { nodesByIds, relationsOf } from '../store/catalog.js';
import type { GraphStore } from '../store/graph-store.js';
import type { GraphNode, StoreValue } from '../store/values.js';

/** One relationship claim seen from one of its ends. */
export interface RelationClaim {
  readonly type: string;
  /** OUT when the entity is the claim's start, IN when it is its end. */
  readonly direction: 'OUT' | 'IN';
  readonly other: GraphNode;
  readonly sourceId: string;
  readonly asOf: string | null;
  readonly role: string | null;
  readonly since: string | null;
  readonly until: string | null;
  readonly note: string | null;
}

export type StatisticQuery = Omit<StatisticFilter, 'subjectIds'>;

export interface Loaders {
  readonly nodes: DataLoader<string, GraphNode | null>;
  readonly relations: DataLoader<string, RelationClaim[]>;
  /** Statistics of one subject under one filter; keys sharing a filter are fetched in one call. */
  readonly statistics: DataLoader<{ subjectId: string; filter: StatisticQuery }, Statistic[], string>;
}

const text = (value: StoreValue | undefined): string | null => (typeof value === 'string' ? value : null);

/** Loaders for one request: batch every lookup of a level of the query into one store call. */
export function createLoaders(store: GraphStore): Loaders {
  const nodes = new DataLoader<string, GraphNode | null>(async (ids) => {
    const rows = await store.read(nodesByIds, { ids: [...ids] });
    const byId = new Map(rows.map((row) => [row.id, row.node]));
    return ids.map((id) => byId.get(id) ?? null);
  });

  const relations = new DataLoader<string, RelationClaim[]>(async (ids) => {
    const rows = await store.read(relationsOf, { ids: [...new Set(ids)] });
    const byId = new Map<string, RelationClaim[]>(ids.map((id) => [id, []]));
    for (const row of rows) {
      nodes.prime(row.other.id, row.other);
      const p = row.relationship.properties;
      byId.get(row.id)?.push({
        type: row.relationship.type,
        direction: row.relationship.startId === row.id ? 'OUT' : 'IN',
        other: row.other,
        sourceId: text(p.source) ?? '',
        asOf: text(p.asOf),
        role: text(p.role),
        since: text(p.since),
        until: text(p.until),
        note: text(p.note),
      });
    }
    return ids.map((id) => byId.get(id) ?? []);
  });

  const statistics = new DataLoader<{ subjectId: string; filter: StatisticQuery }, Statistic[], string>(
    async (keys) => {
      const groups = new Map<string, { filter: StatisticQuery; subjectIds: Set<string> }>();
      for (const key of keys) {
        const filterKey = JSON.stringify(key.filter);
        const group = groups.get(filterKey) ?? { filter: key.filter, subjectIds: new Set<string>() };
        group.subjectIds.add(key.subjectId);
        groups.set(filterKey, group);
      }
      const results = new Map<string, Statistic[]>();
      await Promise.all(
        [...groups].map(async ([filterKey, group]) => {
          const found = await findStatistics(store, { ...group.filter, subjectIds: [...group.subjectIds] });
          for (const subjectId of group.subjectIds) results.set(`${subjectId}|${filterKey}`, []);
          for (const statistic of found) results.get(`${statistic.subjectId}|${filterKey}`)?.push(statistic);
        }),
      );
      return keys.map((key) => results.get(`${key.subjectId}|${JSON.stringify(key.filter)}`) ?? []);
    },
    { cacheKeyFn: (key) => `${key.subjectId}|${JSON.stringify(key.filter)}` },
  );

  return { nodes, relations, statistics };
}
