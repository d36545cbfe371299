import type { ApolloServerPlugin } from '@apollo/server';
import type { DocumentNode } from 'graphql';
import type { QueryLimits } from './query-limits.js';
import type { GraphContext } from '../graphql/context.js';
import { checkOperationLimits, type OperationCost } from './operation-limits.js';

/**
 * Measures each operation once it is parsed, validated and chosen, and refuses it (HTTP 400,
 * BAD_USER_INPUT naming the limit) before execution when it nests or costs more than the limits
 * allow; an accepted operation's cost is reported in the response's `extensions.cost`.
 * `createTradeGraph().execute` applies the same check in-process.
 */
export function operationLimitsPlugin(limits: QueryLimits): ApolloServerPlugin<GraphContext> {
  // Apollo hands the same parsed document to every request with the same text (its document
  // cache), so an accepted operation's cost is kept per document, operation and variables: the
  // same request priced once, not on every call. Refusals are not kept (they are priced again).
  const accepted = new WeakMap<DocumentNode, Map<string, OperationCost>>();
  const MAX_KEPT_PER_DOCUMENT = 100;
  return {
    async requestDidStart() {
      let cost: OperationCost | undefined;
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          // Apollo has refused a document without a single operation to run before this hook.
          if (!operation) return;
          const key = `${operation.name?.value ?? ''}\u0000${JSON.stringify(request.variables ?? {})}`;
          const kept = accepted.get(document);
          cost = kept?.get(key);
          if (cost) return;
          cost = checkOperationLimits(schema, document, operation, request.variables, limits);
          const costs = kept ?? new Map<string, OperationCost>();
          if (costs.size >= MAX_KEPT_PER_DOCUMENT) costs.clear();
          costs.set(key, cost);
          accepted.set(document, costs);
        },
        async willSendResponse({ response }) {
          if (cost === undefined || response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          result.extensions = { ...result.extensions, cost };
        },
      };
    },
  };
}
