import DataLoader from 'dataloader';
import { isEntityKind, type EntityKind } from '../domain/kinds.js';
import { briefRelationClaim, relationClaim, type RelationClaim } from '../queries/relations.js';
import {
  briefRelationsOfKind,
  isBriefClaimRow,
  relationsOfKind,
  type BriefRelationRow,
  type RelationRow,
} from '../store/relation-statements.js';
import { BRIEF_RELATIONS_WITH_ENTITY_ROWS, type RelationEnds } from '../store/generated-statements.js';
import type { GraphStore } from '../store/graph-store.js';
import type { GraphNode } from '../store/values.js';

export type { RelationEnds } from '../store/generated-statements.js';

const WHOLE: RelationEnds = { brief: false };

export interface RelationLoaders {
  /**
   * Relationship claims touching an entity (its kind that of this request's node, or, for brief
   * ends, of the brief node this request met).
   */
  relations(ends?: RelationEnds): DataLoader<string, RelationClaim[]>;
  /**
   * Relationship claims touching entities of one kind (none for ids of other kinds). With brief
   * ends, each claim's other end holds its id, kind and name only (never handed to the node
   * lookups); a brief load is answered by a whole one of the same entity when this request has one.
   */
  relationsOfKind(kind: EntityKind, ends?: RelationEnds): DataLoader<string, RelationClaim[]>;
  /** The brief node of an entity met at the other end of a brief claim in this request, if any. */
  briefNode(id: string): GraphNode | undefined;
}

export interface RelationLoaderNeeds {
  readonly store: GraphStore;
  /** Any node by id (the request's node lookup). */
  readonly nodes: DataLoader<string, GraphNode | null>;
  /** Hands a whole node read with the claims to the lookups. */
  remember(node: GraphNode): void;
  /** Tells the lookups of one kind that an id names no node of that kind. */
  absent(kind: EntityKind, id: string): void;
}

/** The loaders of relationship claims for one request (see createLoaders). */
export function createRelationLoaders({
  store,
  nodes,
  remember,
  absent,
}: RelationLoaderNeeds): RelationLoaders {
  const briefNodes = new Map<string, GraphNode>();

  /** The claims of each entity, seen from it, in the rows' order (rows without a claim give none). */
  const claimsByEntity = <R extends { id: string; node: GraphNode | null }>(
    ids: readonly string[],
    rows: readonly R[],
    claim: (row: R) => RelationClaim | null,
  ): RelationClaim[][] => {
    const byId = new Map<string, RelationClaim[]>(ids.map((id) => [id, []]));
    for (const row of rows) {
      // The entity itself comes with its claims: a lookup of it in the same request costs nothing.
      if (row.node) remember(row.node);
      const found = claim(row);
      if (found) byId.get(row.id)?.push(found);
    }
    return ids.map((id) => byId.get(id) ?? []);
  };
  const wholeClaim = (row: RelationRow): RelationClaim => {
    remember(row.other);
    return relationClaim(row);
  };
  const briefClaim = (row: BriefRelationRow): RelationClaim | null => {
    if (!isBriefClaimRow(row)) return null;
    const claim = briefRelationClaim(row);
    briefNodes.set(claim.other.id, claim.other);
    return claim;
  };

  /** Whole loads by kind, with their caches, which brief loads of the same entities read first. */
  const whole = new Map<
    EntityKind,
    { loader: DataLoader<string, RelationClaim[]>; cache: Map<string, Promise<RelationClaim[]>> }
  >();
  const wholeOfKind = (kind: EntityKind) => {
    let entry = whole.get(kind);
    if (!entry) {
      const cache = new Map<string, Promise<RelationClaim[]>>();
      const loader = new DataLoader<string, RelationClaim[]>(
        async (ids) =>
          claimsByEntity(
            ids,
            await store.read(relationsOfKind(kind), { ids: [...new Set(ids)] }),
            wholeClaim,
          ),
        { cacheMap: cache },
      );
      entry = { loader, cache };
      whole.set(kind, entry);
    }
    return entry;
  };
  const brief = new Map<EntityKind, DataLoader<string, RelationClaim[]>>();
  const briefOfKind = (kind: EntityKind): DataLoader<string, RelationClaim[]> => {
    let loader = brief.get(kind);
    if (!loader) {
      loader = new DataLoader<string, RelationClaim[]>(async (ids) => {
        const { cache } = wholeOfKind(kind);
        const unread = [...new Set(ids.filter((id) => !cache.has(id)))];
        const rows = unread.length === 0 ? [] : await store.read(briefRelationsOfKind(kind), { ids: unread });
        const read = claimsByEntity(unread, rows, briefClaim);
        if (BRIEF_RELATIONS_WITH_ENTITY_ROWS.includes(kind)) {
          // Each entity found has a row of its own: an id without one names no entity of this kind.
          const found = new Set(rows.filter((row) => row.node !== null).map((row) => row.id));
          for (const id of unread) if (!found.has(id)) absent(kind, id);
        }
        const byId = new Map(unread.map((id, index) => [id, read[index] ?? []]));
        return Promise.all(ids.map(async (id) => byId.get(id) ?? (await cache.get(id)) ?? []));
      });
      brief.set(kind, loader);
    }
    return loader;
  };
  const relationsOfKindLoader = (
    kind: EntityKind,
    ends: RelationEnds = WHOLE,
  ): DataLoader<string, RelationClaim[]> => (ends.brief ? briefOfKind(kind) : wholeOfKind(kind).loader);

  const anyKind = new Map<boolean, DataLoader<string, RelationClaim[]>>();
  const relations = (ends: RelationEnds = WHOLE): DataLoader<string, RelationClaim[]> => {
    let loader = anyKind.get(ends.brief);
    if (!loader) {
      // The node first (usually primed already, by the lookup or relation that named it), so that
      // the kind is this request's, never a remembered one gone stale; for brief ends, the brief
      // node this request met will do as well.
      loader = new DataLoader<string, RelationClaim[]>(async (ids) =>
        Promise.all(
          ids.map(async (id) => {
            const kind = (ends.brief ? briefNodes.get(id) : undefined)?.kind ?? (await nodes.load(id))?.kind;
            // Statistics, sources and unknown ids have no relationship claims.
            return kind && isEntityKind(kind) ? relationsOfKindLoader(kind, ends).load(id) : [];
          }),
        ),
      );
      anyKind.set(ends.brief, loader);
    }
    return loader;
  };

  return { relations, relationsOfKind: relationsOfKindLoader, briefNode: (id) => briefNodes.get(id) };
}
