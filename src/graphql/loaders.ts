import DataLoader from 'dataloader';
import type { NodeKind } from '../domain/kinds.js';
import type { Statistic } from '../domain/statistic.js';
import { listNodes } from '../queries/lists.js';
import {
  findStatisticsWithEnds,
  findTwoWayFromPartnerSide,
  type StatisticFilter,
} from '../queries/statistics.js';
import { searchNodes, type SearchHitRow } from '../search/search.js';
import { suggestNodesEach } from '../search/suggest.js';
import { RequestKinds } from './request-kinds.js';
import { nodesOfKind } from '../store/generated-statements.js';
import { createRelationLoaders, type RelationLoaders } from './relation-loaders.js';
import type { GraphStore } from '../store/graph-store.js';
import type { GraphNode } from '../store/values.js';

export { claimFacts, type ClaimFacts, type RelationClaim } from '../queries/relations.js';

export type StatisticQuery = Omit<StatisticFilter, 'subjectIds'>;

/**
 * Statistics of one subject under one filter. `kind`, when the caller knows it from this request
 * (an entity's own kind, a relation's other end), sends the lookup to that kind's statement.
 */
export interface StatisticsKey {
  readonly subjectId: string;
  readonly filter: StatisticQuery;
  readonly kind?: NodeKind;
  /**
   * True when the caller shows neither the statistics' sources nor their destinations: they are
   * then not read with them, unless a key of the same batch shows them.
   */
  readonly withoutEnds?: boolean;
}

/** One subject's list under one filter, however it was read. */
const statisticsKey = (key: StatisticsKey): string => `${key.subjectId}|${JSON.stringify(key.filter)}`;

const WITHOUT_ENDS = '|without-ends';

/**
 * The loader's cache key: a key that shows the ends is not answered from a load without them, so
 * siblings under one filter, one showing the ends and one not, reach the same batch (one statement,
 * with the ends) and not the first one's cached load.
 */
const statisticsCacheKey = (key: StatisticsKey): string =>
  key.withoutEnds === true ? `${statisticsKey(key)}${WITHOUT_ENDS}` : statisticsKey(key);

/** The statistics loader's cache: a key that does not show the ends is also answered by a load with them. */
class StatisticsCache implements DataLoader.CacheMap<string, Promise<Statistic[]>> {
  private readonly entries = new Map<string, Promise<Statistic[]>>();

  get(key: string): Promise<Statistic[]> | undefined {
    return (
      this.entries.get(key) ??
      (key.endsWith(WITHOUT_ENDS) ? this.entries.get(key.slice(0, -WITHOUT_ENDS.length)) : undefined)
    );
  }

  set(key: string, value: Promise<Statistic[]>): void {
    this.entries.set(key, value);
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }
}

export interface Loaders extends RelationLoaders {
  /**
   * Any node by id, whatever its kind: through the index of the kind the id was last seen with,
   * else after looking its kind up (one more store call, the first time an id is met).
   */
  readonly nodes: DataLoader<string, GraphNode | null>;
  /** Nodes of one kind by id, through that kind's index (null for unknown ids and ids of other kinds). */
  ofKind(kind: NodeKind): DataLoader<string, GraphNode | null>;
  /** Hands a node read by other means to the lookups (and remembers its kind). */
  remember(node: GraphNode): void;
  /**
   * The kinds of ids (unknown ids left out): remembered ones as they are, the others looked up in
   * one store call; `fresh` looks every one up again (for a remembered kind that may be stale).
   */
  kindsOf(ids: readonly string[], options?: { readonly fresh?: boolean }): Promise<Map<string, NodeKind>>;
  /** Statistics of one subject under one filter; keys sharing a filter are fetched in one call. */
  readonly statistics: DataLoader<StatisticsKey, Statistic[], string>;
  /**
   * The kind of a subject whose statistics this request read (known from the statement that found
   * them, so never a stale hint), or undefined.
   */
  subjectKind(id: string): NodeKind | undefined;
  /**
   * Two-way figures of one place stored from its partner's side (findTwoWayFromPartnerSide), as
   * stored; keys sharing a filter are fetched in one call (none for filters no two-way figure fits).
   */
  readonly partnerSide: DataLoader<StatisticsKey, Statistic[], string>;
  /** A page of one kind in id order (see listNodes); its nodes are handed to the lookups. */
  page(kind: NodeKind, after: string, limit: number): Promise<GraphNode[]>;
  /** Entities and sources matching a folded search term, best first; their nodes are handed to the lookups. */
  search(term: string, options: { kinds: readonly string[]; limit: number }): Promise<SearchHitRow[]>;
  /**
   * Ids a mistyped id may mean (suggestNodes, at most 3), for the "did you mean" of unknown ids:
   * the texts of one kind list asked for together are searched in one call (two when some find
   * nothing at first).
   */
  readonly suggestions: DataLoader<SuggestionKey, string[], string>;
}

export interface SuggestionKey {
  readonly text: string;
  /** Of these kinds (any when empty). */
  readonly kinds: readonly string[];
}

/** Most texts one suggestion search takes (a list argument may hold thousands of unknown ids). */
const MAX_SUGGESTION_TEXTS = 50;

const suggestionKey = (key: SuggestionKey): string => JSON.stringify([key.kinds, key.text]);

/** Loaders for one request: batch every lookup of a level of the query into one store call. */
export function createLoaders(store: GraphStore): Loaders {
  const kinds = new RequestKinds(store);
  const byKind = new Map<NodeKind, DataLoader<string, GraphNode | null>>();
  const ofKind = (kind: NodeKind): DataLoader<string, GraphNode | null> => {
    let loader = byKind.get(kind);
    if (!loader) {
      loader = new DataLoader<string, GraphNode | null>(async (ids) => {
        const rows = await store.read(nodesOfKind(kind), { ids: [...new Set(ids)] });
        const found = new Map(rows.map((row) => [row.id, row.node]));
        for (const node of found.values()) {
          kinds.learn(node.id, node.kind);
          nodes.prime(node.id, node);
        }
        return ids.map((id) => found.get(id) ?? null);
      });
      byKind.set(kind, loader);
    }
    return loader;
  };
  const fromKnownKinds = async (ids: readonly string[]): Promise<(GraphNode | null)[]> =>
    Promise.all(
      ids.map((id) => {
        const kind = kinds.of(id);
        return kind ? ofKind(kind).load(id) : null;
      }),
    );
  const nodes: DataLoader<string, GraphNode | null> = new DataLoader<string, GraphNode | null>(
    async (ids) => {
      await kinds.lookUp(ids.filter((id) => kinds.unknown(id)));
      const found = await fromKnownKinds(ids);
      // A remembered kind that found nothing may be stale: ask the store once more.
      const missed = ids.filter((id, index) => found[index] === null && kinds.of(id) !== undefined);
      if (missed.length === 0) return found;
      await kinds.lookUp(missed);
      const again = new Map(missed.map((id, index) => [id, index]));
      const retried = await fromKnownKinds(missed);
      return ids.map((id, index) => {
        const at = again.get(id);
        return at === undefined ? (found[index] ?? null) : (retried[at] ?? null);
      });
    },
  );
  const remember = (node: GraphNode): void => {
    kinds.learn(node.id, node.kind, { read: true });
    nodes.prime(node.id, node);
    ofKind(node.kind).prime(node.id, node);
  };

  const relationLoaders = createRelationLoaders({
    store,
    nodes,
    remember,
    absent: (kind, id) => ofKind(kind).prime(id, null),
  });

  /** Subjects whose statistics this request read, with the kind of the statement that read them. */
  const subjectKinds = new Map<string, NodeKind>();
  const statistics = new DataLoader<StatisticsKey, Statistic[], string>(
    async (keys) => {
      // Each subject's kind: given by the caller, else remembered, else looked up (one call).
      const given = new Map<string, NodeKind>();
      for (const key of keys) {
        if (key.kind) {
          given.set(key.subjectId, key.kind);
          kinds.learn(key.subjectId, key.kind);
        }
      }
      const unknown = new Set(
        keys.map((k) => k.subjectId).filter((id) => !given.has(id) && kinds.unknown(id)),
      );
      await kinds.lookUp([...unknown]);
      /** Subjects whose kind was neither given nor looked up by this request. */
      const remembered = new Set<string>();
      const kindOf = (subjectId: string): NodeKind | undefined => {
        const kind = given.get(subjectId) ?? kinds.of(subjectId);
        if (kind && !given.has(subjectId) && !kinds.foundByRequest(subjectId)) remembered.add(subjectId);
        return kind;
      };
      /** One store call per filter and subject kind. */
      const load = async (
        batch: readonly StatisticsKey[],
        results: Map<string, Statistic[]>,
      ): Promise<void> => {
        const groups = new Map<
          string,
          { filter: StatisticQuery; kind: NodeKind; subjectIds: Set<string>; ends: boolean }
        >();
        for (const key of batch) {
          const kind = kindOf(key.subjectId);
          if (!kind) continue;
          const groupKey = `${kind}|${JSON.stringify(key.filter)}`;
          const group = groups.get(groupKey) ?? {
            filter: key.filter,
            kind,
            subjectIds: new Set<string>(),
            ends: false,
          };
          group.subjectIds.add(key.subjectId);
          // One statement per group: with the ends as soon as one caller shows them.
          if (key.withoutEnds !== true) group.ends = true;
          groups.set(groupKey, group);
        }
        await Promise.all(
          [...groups.values()].map(async (group) => {
            const filterKey = JSON.stringify(group.filter);
            const found = await findStatisticsWithEnds(
              store,
              { ...group.filter, subjectIds: [...group.subjectIds] },
              group.kind,
              { ends: group.ends },
            );
            for (const subjectId of group.subjectIds) results.set(`${subjectId}|${filterKey}`, []);
            for (const { statistic, ends } of found) {
              subjectKinds.set(statistic.subjectId, group.kind);
              // Their sources and destinations came in the same call: showing them costs no lookup.
              for (const end of ends) remember(end);
              results.get(`${statistic.subjectId}|${filterKey}`)?.push(statistic);
            }
          }),
        );
      };
      const results = new Map<string, Statistic[]>();
      await load(keys, results);
      // A remembered kind that found nothing may be stale: ask the store for the kind once more.
      const doubtful = keys.filter(
        (key) => remembered.has(key.subjectId) && (results.get(statisticsKey(key))?.length ?? 0) === 0,
      );
      if (doubtful.length > 0) {
        const before = new Map(doubtful.map((key) => [key.subjectId, kinds.of(key.subjectId)]));
        await kinds.lookUp([...before.keys()]);
        await load(
          doubtful.filter((key) => kinds.of(key.subjectId) !== before.get(key.subjectId)),
          results,
        );
      }
      return keys.map((key) => results.get(statisticsKey(key)) ?? []);
    },
    { cacheKeyFn: statisticsCacheKey, cacheMap: new StatisticsCache() },
  );

  const partnerSide = new DataLoader<StatisticsKey, Statistic[], string>(
    async (keys) => {
      const byFilter = new Map<string, { filter: StatisticQuery; subjectIds: Set<string> }>();
      for (const key of keys) {
        const filterKey = JSON.stringify(key.filter);
        const group = byFilter.get(filterKey) ?? { filter: key.filter, subjectIds: new Set<string>() };
        group.subjectIds.add(key.subjectId);
        byFilter.set(filterKey, group);
      }
      const results = new Map<string, Statistic[]>();
      await Promise.all(
        [...byFilter].map(async ([filterKey, group]) => {
          const found = await findTwoWayFromPartnerSide(store, {
            ...group.filter,
            subjectIds: [...group.subjectIds],
          });
          for (const { partnerId, statistic } of found) {
            const key = `${partnerId}|${filterKey}`;
            results.set(key, [...(results.get(key) ?? []), statistic]);
          }
        }),
      );
      return keys.map((key) => results.get(statisticsKey(key)) ?? []);
    },
    { cacheKeyFn: statisticsKey },
  );

  const page = async (kind: NodeKind, after: string, limit: number): Promise<GraphNode[]> => {
    const found = await listNodes(store, kind, after, limit);
    for (const node of found) remember(node);
    return found;
  };
  const search = async (
    term: string,
    options: { kinds: readonly string[]; limit: number },
  ): Promise<SearchHitRow[]> => {
    const hits = await searchNodes(store, term, options);
    for (const hit of hits) remember(hit.node);
    return hits;
  };

  const suggestions = new DataLoader<SuggestionKey, string[], string>(
    async (keys) => {
      const byKinds = new Map<string, { kinds: readonly string[]; texts: string[] }>();
      for (const { text, kinds: of } of keys) {
        const kindsKey = JSON.stringify(of);
        const group = byKinds.get(kindsKey) ?? { kinds: of, texts: [] };
        group.texts.push(text);
        byKinds.set(kindsKey, group);
      }
      const found = new Map<string, string[]>();
      await Promise.all(
        [...byKinds.values()].map(async ({ kinds: of, texts }) => {
          const hits = await suggestNodesEach(store, texts, of);
          texts.forEach((text, i) =>
            found.set(
              suggestionKey({ text, kinds: of }),
              (hits[i] ?? []).map((hit) => hit.node.id),
            ),
          );
        }),
      );
      return keys.map((key) => found.get(suggestionKey(key)) ?? []);
    },
    // Bounded per statement: the embedded dialect returns every match of each text, not the first few.
    { cacheKeyFn: suggestionKey, maxBatchSize: MAX_SUGGESTION_TEXTS },
  );

  return {
    nodes,
    ofKind,
    remember,
    kindsOf: (ids, options) => kinds.kindsOf(ids, options),
    ...relationLoaders,
    statistics,
    subjectKind: (id) => subjectKinds.get(id),
    partnerSide,
    page,
    search,
    suggestions,
  };
}
