import type { ApolloServerPlugin } from '@apollo/server';
import type { QueryLimits } from '../graphql/common/limits.js';
import type { GraphContext } from '../graphql/context.js';
import { checkOperationLimits, type OperationCost } from '../graphql/operation-limits.js';

/**
 * Measures each operation once it is parsed, validated and chosen, and refuses it (HTTP 400,
 * BAD_USER_INPUT naming the limit) before execution when it nests or costs more than the limits
 * allow; an accepted operation's cost is reported in the response's `extensions.cost`.
 * `createTradeGraph().execute` applies the same check in-process.
 */
export function operationLimitsPlugin(limits: QueryLimits): ApolloServerPlugin<GraphContext> {
  return {
    async requestDidStart() {
      let cost: OperationCost | undefined;
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          // Apollo has refused a document without a single operation to run before this hook.
          if (operation) cost = checkOperationLimits(schema, document, operation, request.variables, limits);
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
