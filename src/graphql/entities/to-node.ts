import { statisticFromNode } from '../../queries/statistics.js';
import type { GraphNode } from '../../store/values.js';
import { Statistic } from '../statistics/statistic.type.js';
import { toEntity } from './entity-registry.js';
import type { Node } from './node.interface.js';
import { Source } from './source.type.js';

/** The GraphQL object for any node: entity, statistic or source. */
export function toNode(node: GraphNode): Node | null {
  if (node.kind === 'Source') return Source.from(node);
  if (node.kind === 'Statistic') return Statistic.from(statisticFromNode(node));
  return toEntity(node);
}
