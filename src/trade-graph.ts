import {
  GraphQLError,
  execute,
  getOperationAST,
  parse,
  validate,
  type DocumentNode,
  type FormattedExecutionResult,
  type GraphQLSchema,
} from 'graphql';
import { readConfig, type StoreConfig } from './config.js';
import type { QueryLimits } from './limits/query-limits.js';
import { createContext } from './graphql/context.js';
import { formatError } from './graphql/errors.js';
import { checkOperationLimits, type OperationCost } from './limits/operation-limits.js';
import { tradeGraphSchema } from './graphql/schema.js';
import type { GraphStore } from './store/graph-store.js';
import { ensureDataset } from './import/ensure-dataset.js';
import { openStore } from './store/open-store.js';

export interface TradeGraphOptions {
  /** Where the graph lives; by default from the environment (embedded unless NEO4J_URI is set). */
  readonly store?: StoreConfig | GraphStore;
  /** Dataset loaded into an empty store; the curated `data/` by default. */
  readonly dataDirectory?: string;
  /** Caps on what one operation may ask for: the HTTP server's, from the environment, unless given. */
  readonly limits?: Partial<QueryLimits>;
}

/** A JSON result of one operation, with errors shaped exactly as the HTTP API shapes them. */
export type TradeGraphResult = FormattedExecutionResult<Record<string, unknown>>;

export interface TradeGraph {
  readonly schema: GraphQLSchema;
  readonly store: GraphStore;
  readonly limits: QueryLimits;
  /**
   * Runs one GraphQL operation in-process, with fresh per-request loaders and the same limits as
   * the HTTP API (its cost is reported in `extensions.cost`). Mutations need no API key here: an
   * in-process caller holds the store already.
   */
  execute(query: string, variables?: Record<string, unknown>): Promise<TradeGraphResult>;
  close(): Promise<void>;
}

/** The same error shapes and codes the HTTP API gives (Apollo assigns these codes there). */
function failed(errors: readonly GraphQLError[], code: string): TradeGraphResult {
  return {
    errors: errors.map((error) => ({ ...error.toJSON(), extensions: { ...error.extensions, code } })),
  };
}

async function executeOperation(
  schema: GraphQLSchema,
  store: GraphStore,
  limits: QueryLimits,
  query: string,
  variables?: Record<string, unknown>,
): Promise<TradeGraphResult> {
  let document: DocumentNode;
  try {
    document = parse(query, { maxTokens: limits.maxTokens });
  } catch (error) {
    if (error instanceof GraphQLError) return failed([error], 'GRAPHQL_PARSE_FAILED');
    throw error;
  }
  const invalid = validate(schema, document);
  if (invalid.length > 0) return failed(invalid, 'GRAPHQL_VALIDATION_FAILED');
  // Without exactly one operation, execution refuses the document itself, before any resolver.
  const operation = getOperationAST(document);
  let cost: OperationCost | undefined;
  if (operation) {
    try {
      cost = checkOperationLimits(schema, document, operation, variables, limits);
    } catch (error) {
      if (error instanceof GraphQLError) return { errors: [formatError(error.toJSON(), error)] };
      throw error;
    }
  }
  const result = await execute({
    schema,
    document,
    ...(variables ? { variableValues: variables } : {}),
    contextValue: createContext(store, { limits, canWrite: true }),
  });
  const data = result.data as Record<string, unknown> | null | undefined;
  const extensions = cost ? { extensions: { cost } } : {};
  if (!result.errors) return { data, ...extensions };
  // Errors before execution started (variables that do not fit their types) are the caller's.
  if (result.data === undefined) return failed(result.errors, 'BAD_USER_INPUT');
  return { data, errors: result.errors.map((error) => formatError(error.toJSON(), error)), ...extensions };
}

const isStore = (value: StoreConfig | GraphStore): value is GraphStore => 'read' in value;

/**
 * Opens the trade graph for use inside a script, notebook bridge or test: no HTTP involved.
 *
 * ```ts
 * const graph = await createTradeGraph();
 * const { data } = await graph.execute('{ association(id: "anpact") { name } }');
 * await graph.close();
 * ```
 */
export async function createTradeGraph(options: TradeGraphOptions = {}): Promise<TradeGraph> {
  const config = readConfig();
  const limits: QueryLimits = { ...config.limits, ...options.limits };
  const given = options.store ?? config.store;
  const store = isStore(given) ? given : await openStore(given);
  try {
    await ensureDataset(store, options.dataDirectory ?? config.dataDirectory);
  } catch (error) {
    if (!isStore(given)) await store.close();
    throw error;
  }
  const schema = tradeGraphSchema();
  return {
    schema,
    store,
    limits,
    async execute(query, variables) {
      return executeOperation(schema, store, limits, query, variables);
    },
    close: () => store.close(),
  };
}
