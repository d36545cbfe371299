import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, ID, Info, Int, Query, Resolver } from 'type-graphql';
import { findShortestPaths } from '../../queries/paths.js';
import type { GraphEdge, GraphNode } from '../../store/values.js';
import { Direction, RelationshipTypeEnum } from '../common/enums.js';
import { neighboursCost, pathsCost } from '../../limits/cost.js';
import { checkFirst, checkRange } from '../../limits/check-arguments.js';
import { PATH_LENGTH_CEILING } from '../../limits/query-limits.js';
import type { GraphContext } from '../context.js';
import { toEntity } from '../entities/entity-registry.js';
import type { Entity } from '../entities/entity.interface.js';
import { claimFacts, type ClaimFacts, type RelationClaim } from '../loaders.js';
import { checkIds } from '../common/check-ids.js';
import { briefEnds } from '../relations/related.js';
import { Edge, Neighbourhood, Path } from './graph.types.js';

function edgeOf(type: string, fromId: string, toId: string, claim: ClaimFacts): Edge {
  return Object.assign(new Edge(), { type, fromId, toId, ...claim });
}

function edgeFromStore(edge: GraphEdge): Edge {
  return edgeOf(edge.type, edge.startId, edge.endId, claimFacts(edge.properties));
}

/** Claims of one entity by type, direction, the entity at the other end, source and date. */
const claimOrder = (a: RelationClaim, b: RelationClaim): number =>
  a.type.localeCompare(b.type) ||
  a.direction.localeCompare(b.direction) ||
  a.other.id.localeCompare(b.other.id) ||
  a.sourceId.localeCompare(b.sourceId) ||
  (a.asOf ?? '').localeCompare(b.asOf ?? '');

const entities = (nodes: readonly GraphNode[]): Entity[] =>
  nodes.map((node) => toEntity(node)).filter((e): e is Entity => e !== null);

@Resolver()
export class GraphResolver {
  @Query(() => Neighbourhood, {
    nullable: true,
    description:
      "The entities within `depth` relationships of an entity (1 to the server's maxTraversalDepth, 3 unless configured), and the claims linking them; null when the id is unknown.",
    complexity: neighboursCost,
  })
  async neighbours(
    @Arg('id', () => ID, { description: 'The entity to start from.' }) id: string,
    @Arg('types', () => [RelationshipTypeEnum], {
      nullable: true,
      description: 'Only these relationship types.',
    })
    types: string[] | null,
    @Arg('direction', () => Direction, {
      defaultValue: Direction.BOTH,
      description: 'Which way relationships may run.',
    })
    direction: Direction,
    @Arg('depth', () => Int, {
      defaultValue: 1,
      description: "How many steps out: 1 to the server's maxTraversalDepth (3 unless configured).",
    })
    depth: number,
    @Arg('first', () => Int, {
      nullable: true,
      description:
        "At most this many entities: 100 when left out, at most the server's maxFirst (200 unless configured).",
    })
    first: number | null,
    @Ctx() ctx: GraphContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Neighbourhood | null> {
    checkRange(depth, 1, ctx.limits.maxTraversalDepth, 'depth');
    const limit = checkFirst(first ?? Math.min(100, ctx.limits.maxFirst), ctx.limits);
    const start = await ctx.loaders.nodes.load(id);
    if (!start || !toEntity(start)) return null;
    const seen = new Map<string, GraphNode>([[id, start]]);
    const edges = new Map<string, Edge>();
    let frontier = [id];
    let truncated = false;
    // The entities reached are read brief when the selection shows no more of them than that.
    const relations = ctx.loaders.relations(briefEnds(info, ['nodes']));
    // One batched store call per level: the frontier's relations are loaded together.
    for (let level = 0; level < depth && frontier.length > 0; level += 1) {
      const claimLists = await relations.loadMany(frontier);
      const next: string[] = [];
      frontier.forEach((nodeId, index) => {
        const claims = claimLists[index];
        if (!claims || claims instanceof Error) return;
        // In one order whatever order the store returned them in, so that which entities a
        // `first` keeps, and the order of the answer, do not depend on the engine or statement.
        for (const claim of [...claims].sort(claimOrder)) {
          if (types && !types.includes(claim.type)) continue;
          if (direction !== Direction.BOTH && claim.direction !== direction) continue;
          if (!seen.has(claim.other.id)) {
            if (seen.size >= limit) {
              truncated = true;
              continue;
            }
            seen.set(claim.other.id, claim.other);
            next.push(claim.other.id);
          }
          const [fromId, toId] =
            claim.direction === 'OUT' ? [nodeId, claim.other.id] : [claim.other.id, nodeId];
          edges.set(
            `${claim.type}|${fromId}|${toId}|${claim.sourceId}`,
            edgeOf(claim.type, fromId, toId, claim),
          );
        }
      });
      frontier = next;
    }
    return Object.assign(new Neighbourhood(), {
      nodes: entities([...seen.values()]),
      edges: [...edges.values()],
      truncated,
    });
  }

  @Query(() => [Path], {
    description:
      "The shortest relationship paths between two entities (up to maxLength steps, at most the server's maxPathLength: 6 unless configured), shortest first; every edge cites its source. Empty when none is that short; an id that names no entity is a BAD_USER_INPUT naming the close ids.",
    complexity: pathsCost,
  })
  async paths(
    @Arg('from', () => ID, { description: 'Id of the entity to start from.' }) from: string,
    @Arg('to', () => ID, { description: 'Id of the entity to reach.' }) to: string,
    @Arg('maxLength', () => Int, {
      nullable: true,
      description:
        "Longest path to accept: 1 to the server's maxPathLength (6 unless configured), which is the default.",
    })
    maxLength: number | null,
    @Arg('first', () => Int, {
      nullable: true,
      description:
        "At most this many paths: 10 when left out, at most the server's maxFirst (200 unless configured).",
    })
    first: number | null,
    @Ctx() ctx: GraphContext,
  ): Promise<Path[]> {
    const longest = Math.min(ctx.limits.maxPathLength, PATH_LENGTH_CEILING);
    const length = checkRange(maxLength ?? longest, 1, longest, 'maxLength');
    const limit = checkFirst(first ?? Math.min(10, ctx.limits.maxFirst), ctx.limits);
    const paths = await findShortestPaths(ctx.store, from, to, {
      maxLength: length,
      limit,
      kindsOf: ctx.loaders.kindsOf,
    });
    if (paths.length === 0) {
      // No path: an id naming nothing is an error with the close ids, not an empty answer. The
      // ends' kinds were just looked up for the search, so ids with a kind need no check.
      const known = await ctx.loaders.kindsOf([from, to]);
      if (!known.has(from)) await checkIds([from], ctx, 'from');
      if (!known.has(to)) await checkIds([to], ctx, 'to');
    }
    return paths.map((path) => {
      for (const node of path.nodes) ctx.loaders.remember(node);
      return Object.assign(new Path(), {
        length: path.edges.length,
        nodes: entities(path.nodes),
        edges: path.edges.map(edgeFromStore),
      });
    });
  }
}
