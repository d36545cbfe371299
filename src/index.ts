/** The package's public entry: open the graph in-process, or start the HTTP server. */
export {
  createTradeGraph,
  type TradeGraph,
  type TradeGraphOptions,
  type TradeGraphResult,
} from './trade-graph.js';
export { startServer, type RunningServer } from './server/server.js';
export { readConfig, type Config, type StoreConfig } from './config.js';
export type { GraphStore } from './store/graph-store.js';
