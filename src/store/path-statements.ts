import { ENTITY_KINDS, type EntityKind } from '../domain/kinds.js';
import { shortestPathsStatementName } from './generated-statements.js';
import { readStatement, type Statement, type StatementInfo } from './statements.js';
import type { GraphPath } from './values.js';

/*
 * The shortest-path statements, one per pair of end kinds (labels cannot be parameters): their
 * typed parameters and rows. Their texts are written by `cypher-generator.ts`.
 */

/** `froms`: the starts (one per read: its `limit` bounds the rows of all of them together). */
export type ShortestPathParams = { froms: string[]; to: string; maxLength: number; limit: number };

/** A shortest path from the start `from`. */
export type ShortestPathRow = { from: string; path: GraphPath };

const pairKey = (from: EntityKind, to: EntityKind): string => `${from}>${to}`;

const shortestPathStatements = new Map(
  ENTITY_KINDS.flatMap((from) =>
    ENTITY_KINDS.map((to) => [
      pairKey(from, to),
      readStatement<ShortestPathParams, ShortestPathRow>(
        shortestPathsStatementName(from, to),
        ['froms', 'to', 'maxLength', 'limit'],
        { from: true, path: true },
        // Concurrent searches towards one end share a statement (src/store/coalesce.ts): the engine
        // searches from several starts at once for much less than one search each.
        { keyedBy: { param: 'froms', column: 'from', limit: 'limit' } },
      ),
    ]),
  ),
);

/** All shortest paths from the `froms` entities, of kind `fromKind`, to the `to` entity, of kind `toKind`. */
export function shortestPathsBetween(
  fromKind: EntityKind,
  toKind: EntityKind,
): Statement<ShortestPathParams, ShortestPathRow> {
  const statement = shortestPathStatements.get(pairKey(fromKind, toKind));
  if (!statement) throw new Error(`no shortest-path statement from ${fromKind} to ${toKind}`);
  return statement;
}

export const PATH_STATEMENTS: readonly StatementInfo[] = [...shortestPathStatements.values()];
