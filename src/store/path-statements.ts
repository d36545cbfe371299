import { ENTITY_KINDS, type EntityKind } from '../domain/kinds.js';
import { shortestPathsStatementName } from './generated-statements.js';
import { readStatement, type Statement, type StatementInfo } from './statements.js';
import type { GraphPath } from './values.js';

/*
 * The shortest-path statements, one per pair of end kinds (labels cannot be parameters): their
 * typed parameters and rows. Their texts are written by `cypher-generator.ts`.
 */

export type ShortestPathParams = { from: string; to: string; maxLength: number; limit: number };

const pairKey = (from: EntityKind, to: EntityKind): string => `${from}>${to}`;

const shortestPathStatements = new Map(
  ENTITY_KINDS.flatMap((from) =>
    ENTITY_KINDS.map((to) => [
      pairKey(from, to),
      readStatement<ShortestPathParams, { path: GraphPath }>(
        shortestPathsStatementName(from, to),
        ['from', 'to', 'maxLength', 'limit'],
        { path: true },
      ),
    ]),
  ),
);

/** All shortest paths from the `from` entity, of kind `fromKind`, to the `to` entity, of kind `toKind`. */
export function shortestPathsBetween(
  fromKind: EntityKind,
  toKind: EntityKind,
): Statement<ShortestPathParams, { path: GraphPath }> {
  const statement = shortestPathStatements.get(pairKey(fromKind, toKind));
  if (!statement) throw new Error(`no shortest-path statement from ${fromKind} to ${toKind}`);
  return statement;
}

export const PATH_STATEMENTS: readonly StatementInfo[] = [...shortestPathStatements.values()];
