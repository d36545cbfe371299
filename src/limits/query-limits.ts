/**
 * Caps on how much one request may ask for. Argument caps (`maxFirst`, `maxTraversalDepth`,
 * `maxPathLength`) are checked by the resolvers (`check-arguments.ts`); operation caps (`maxQueryDepth`, `maxCost`,
 * `maxTokens`, `maxAliases`) are checked before anything runs (see `operation-limits.ts`). Each one can be set
 * from the environment (see `src/config.ts`).
 */
export interface QueryLimits {
  /** Largest `first` of any list or connection, and most ids in one `subjects` list. */
  readonly maxFirst: number;
  /** Deepest neighbourhood a request may expand (`neighbours(depth:)`). */
  readonly maxTraversalDepth: number;
  /** Longest path a request may search (`paths(maxLength:)`); at most 6, the statements' own bound. */
  readonly maxPathLength: number;
  /** Deepest nesting of fields in one operation. */
  readonly maxQueryDepth: number;
  /** Largest estimated cost of one operation (see `cost.ts`). */
  readonly maxCost: number;
  /** Most lexical tokens in one document, so parsing and validation stay cheap. */
  readonly maxTokens: number;
  /** Most response names (aliases) one field may be asked for under in one selection. */
  readonly maxAliases: number;
}

export const DEFAULT_LIMITS: QueryLimits = {
  maxFirst: 200,
  maxTraversalDepth: 3,
  maxPathLength: 6,
  maxQueryDepth: 15,
  maxCost: 10_000,
  maxTokens: 3_000,
  maxAliases: 10,
};

/** The longest path the shortest-path statements can find (`* ALL SHORTEST 1..6` in their text). */
export const PATH_LENGTH_CEILING = 6;

/** Longest search text accepted; longer texts cannot be names and only cost a scan. */
export const MAX_SEARCH_TEXT = 200;
