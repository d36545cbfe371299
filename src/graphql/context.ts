import type { GraphStore } from '../store/graph-store.js';
import { createLoaders, type Loaders } from './loaders.js';

/** What every resolver receives: the store and this request's loaders (never shared between requests). */
export interface GraphContext {
  readonly store: GraphStore;
  readonly loaders: Loaders;
}

export function createContext(store: GraphStore): GraphContext {
  return { store, loaders: createLoaders(store) };
}
