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
 *
 * An answer larger than `maxResponseBytes` once serialised is not sent: the client gets HTTP 400,
 * BAD_USER_INPUT with `limit: "maxResponseBytes"`, the answer's size and the maximum, never a
 * truncated body.
 */
export function operationLimitsPlugin(
  limits: QueryLimits,
  { maxResponseBytes }: { readonly maxResponseBytes: number },
): ApolloServerPlugin<GraphContext> {
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
          if (response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          if (cost !== undefined) result.extensions = { ...result.extensions, cost };
          const bytes = Buffer.byteLength(JSON.stringify(result), 'utf8');
          if (bytes <= maxResponseBytes) return;
          response.http.status = 400;
          response.body.singleResult = {
            errors: [
              {
                message: `The answer is ${bytes} bytes; this server sends at most ${maxResponseBytes} bytes (maxResponseBytes). Ask for fewer items or fields, or split the operation.`,
                extensions: {
                  code: 'BAD_USER_INPUT',
                  limit: 'maxResponseBytes',
                  requested: bytes,
                  max: maxResponseBytes,
                },
              },
            ],
          };
        },
      };
    },
  };
}
