import type { GraphStore } from '../store/graph-store.js';
import { DEFAULT_LIMITS, type QueryLimits } from '../limits/query-limits.js';
import { createLoaders, type Loaders } from './loaders.js';

/** What every resolver receives: the store, this request's loaders (never shared between requests) and limits. */
export interface GraphContext {
  readonly store: GraphStore;
  readonly loaders: Loaders;
  readonly limits: QueryLimits;
  /**
   * Whether this request may run mutations: over HTTP only with a valid API key; in-process
   * callers (who hold the store already) always may.
   */
  readonly canWrite: boolean;
}

export interface ContextOptions {
  readonly limits?: QueryLimits;
  readonly canWrite?: boolean;
}

export function createContext(store: GraphStore, options: ContextOptions = {}): GraphContext {
  return {
    store,
    loaders: createLoaders(store),
    limits: options.limits ?? DEFAULT_LIMITS,
    canWrite: options.canWrite ?? false,
  };
}
