import type { EntityKind } from '../../domain/kinds.js';
import type { GraphNode } from '../../store/values.js';
import type { Entity } from './entity.interface.js';

/**
 * Builds the GraphQL object for an entity node. Each entity type registers its builder when its
 * module loads, so the Entity interface can make entities without importing the types that extend it.
 */
const builders = new Map<string, (node: GraphNode) => Entity>();

export function registerEntityType(kind: EntityKind, build: (node: GraphNode) => Entity): void {
  builders.set(kind, build);
}

export function toEntity(node: GraphNode): Entity | null {
  return builders.get(node.kind)?.(node) ?? null;
}
