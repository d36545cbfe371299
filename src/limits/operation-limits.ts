import {
  GraphQLError,
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import type { CostContext } from './cost.js';
import type { QueryLimits } from './query-limits.js';
import { ClientError } from '../graphql/errors.js';
import { introspectionEstimator } from './introspection-cost.js';

/** What an accepted operation was measured at, reported to the client in `extensions.cost`. */
export interface OperationCost {
  /** Estimated cost of the operation. */
  readonly requested: number;
  /** The most an operation may cost on this server. */
  readonly limit: number;
  /** Deepest nesting of fields in the operation. */
  readonly depth: number;
  /** The deepest nesting allowed. */
  readonly maxDepth: number;
}

/** The limit an operation broke, as named in the error's `extensions.limit` and in the environment. */
export type OperationLimit = 'maxCost' | 'maxQueryDepth' | 'maxSelections' | 'maxAliases';

/**
 * An operation refused before it ran, because it would cost or nest more than this server allows.
 * Code BAD_USER_INPUT (HTTP 400), with the limit's name, the measured value and the maximum.
 */
export class OperationLimitError extends ClientError {
  constructor(limit: OperationLimit, requested: number, max: number, message: string) {
    super('BAD_USER_INPUT', message, { limit, requested, max, http: { status: 400 } });
  }
}

/** Upper bound on selections visited while pricing (fragments spread many times are priced each time). */
const MAX_SELECTIONS_PRICED = 20_000;

/** Deepest nesting of fields under a selection set, following fragments (each measured once). */
function depthOf(
  selectionSet: SelectionSetNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  memo: Map<string, number>,
  visiting: Set<string>,
): number {
  let deepest = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      const below = selection.selectionSet ? depthOf(selection.selectionSet, fragments, memo, visiting) : 0;
      deepest = Math.max(deepest, 1 + below);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      deepest = Math.max(deepest, depthOf(selection.selectionSet, fragments, memo, visiting));
    } else {
      const name = selection.name.value;
      const fragment = fragments.get(name);
      // Unknown or cyclic fragments are refused by validation; measure nothing for them here.
      if (!fragment || visiting.has(name)) continue;
      let depth = memo.get(name);
      if (depth === undefined) {
        visiting.add(name);
        depth = depthOf(fragment.selectionSet, fragments, memo, visiting);
        visiting.delete(name);
        memo.set(name, depth);
      }
      deepest = Math.max(deepest, depth);
    }
  }
  return deepest;
}

/** The field asked for under the most response names (aliases) in one selection, and how many. */
export interface RepeatedField {
  readonly field: string;
  readonly names: number;
}

/**
 * The field selected under the most different response names within one selection (a selection
 * set together with the fragments spread into it): `{ a: __schema { … } b: __schema { … } }`
 * asks for `__schema` twice. Stops counting after `budget` selections (the cost's own bound on
 * selections then refuses the document).
 */
export function mostRepeatedField(
  document: DocumentNode,
  operation: OperationDefinitionNode,
  budget = MAX_SELECTIONS_PRICED,
): RepeatedField {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  let most: RepeatedField = { field: '', names: 0 };
  let visited = 0;
  const pending: SelectionSetNode[] = [operation.selectionSet];
  while (pending.length > 0 && visited < budget) {
    const names = new Map<string, Set<string>>();
    // One selection: the set and every fragment spread into it, each fragment once.
    const parts: SelectionSetNode[] = [pending.pop() as SelectionSetNode];
    const spread = new Set<string>();
    while (parts.length > 0 && visited < budget) {
      for (const selection of (parts.pop() as SelectionSetNode).selections) {
        visited += 1;
        if (selection.kind === Kind.FIELD) {
          const field = selection.name.value;
          const responseNames = names.get(field) ?? new Set<string>();
          responseNames.add(selection.alias?.value ?? field);
          names.set(field, responseNames);
          if (responseNames.size > most.names) most = { field, names: responseNames.size };
          if (selection.selectionSet) pending.push(selection.selectionSet);
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          parts.push(selection.selectionSet);
        } else {
          const fragment = fragments.get(selection.name.value);
          if (fragment && !spread.has(selection.name.value)) {
            spread.add(selection.name.value);
            parts.push(fragment.selectionSet);
          }
        }
      }
    }
  }
  return most;
}

/** The depth of an operation: 1 for `{ metrics { name } }`'s `metrics`, 2 for its `name`. */
export function operationDepth(document: DocumentNode, operation: OperationDefinitionNode): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  return depthOf(operation.selectionSet, fragments, new Map(), new Set());
}

/**
 * Estimated cost of one operation of a validated document, with the cost model of `cost.ts`
 * (fields without a price cost 1 plus their children).
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
  limits: QueryLimits,
): number {
  // Price only the chosen operation: the document minus its other operations.
  const only: DocumentNode = {
    kind: Kind.DOCUMENT,
    definitions: document.definitions.filter(
      (definition) => definition === operation || definition.kind === Kind.FRAGMENT_DEFINITION,
    ),
  };
  const context: CostContext = { limits };
  const cost = getComplexity({
    schema,
    query: only,
    variables: variables ?? {},
    context: context as unknown as Record<string, unknown>,
    estimators: [
      introspectionEstimator(schema),
      fieldExtensionsEstimator(),
      simpleEstimator({ defaultComplexity: 1 }),
    ],
    maxQueryNodes: MAX_SELECTIONS_PRICED,
  });
  // Introspection's averages make fractions; a cost is reported in whole units.
  return Math.ceil(cost);
}

const isTooManyNodes = (error: unknown): boolean =>
  error instanceof GraphQLError && /maximum allowed number of nodes/.test(error.message);

/**
 * Measures an operation against the limits and refuses it, before anything reaches the store,
 * when it nests deeper or costs more than allowed. Variables that do not fit their types are
 * refused here too (the cost depends on them), as execution would refuse them.
 */
export function checkOperationLimits(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
  limits: QueryLimits,
): OperationCost {
  const depth = operationDepth(document, operation);
  if (depth > limits.maxQueryDepth) {
    throw new OperationLimitError(
      'maxQueryDepth',
      depth,
      limits.maxQueryDepth,
      `The operation nests ${depth} fields deep; this server allows at most ${limits.maxQueryDepth} (maxQueryDepth). Ask for fewer nested levels.`,
    );
  }
  const repeated = mostRepeatedField(document, operation);
  if (repeated.names > limits.maxAliases) {
    throw new OperationLimitError(
      'maxAliases',
      repeated.names,
      limits.maxAliases,
      `The operation asks for "${repeated.field}" under ${repeated.names} different names (aliases) in one selection; this server allows at most ${limits.maxAliases} (maxAliases). Ask for it once, or split the operation.`,
    );
  }
  let cost: number;
  try {
    cost = operationCost(schema, document, operation, variables, limits);
  } catch (error) {
    if (isTooManyNodes(error)) {
      throw new OperationLimitError(
        'maxSelections',
        MAX_SELECTIONS_PRICED,
        MAX_SELECTIONS_PRICED,
        `The operation selects more than ${MAX_SELECTIONS_PRICED} fields once its fragments are expanded (maxSelections). Split it.`,
      );
    }
    if (error instanceof GraphQLError) {
      throw new ClientError('BAD_USER_INPUT', error.message, { http: { status: 400 } });
    }
    throw error;
  }
  if (cost > limits.maxCost) {
    throw new OperationLimitError(
      'maxCost',
      cost,
      limits.maxCost,
      `The operation's estimated cost is ${cost}; this server allows at most ${limits.maxCost} (maxCost). Ask for fewer items (first), fewer nested lists, or split it.`,
    );
  }
  return { requested: cost, limit: limits.maxCost, depth, maxDepth: limits.maxQueryDepth };
}
