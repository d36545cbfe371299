import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import type { GraphContext } from '../graphql/context.js';

/** The request errors GraphQL over HTTP says a server SHOULD answer 200 to `application/json`. */
function isRequestError(error: GraphQLFormattedError): boolean {
  const code = error.extensions?.code;
  if (code === 'GRAPHQL_PARSE_FAILED' || code === 'GRAPHQL_VALIDATION_FAILED') return true;
  // Variables that do not fit their types; our own limits carry `limit` and keep their 400.
  return code === 'BAD_USER_INPUT' && error.extensions?.limit === undefined;
}

/** Whether the client accepts `application/graphql-response+json` (with a non-zero quality). */
export function acceptsGraphQLResponse(accept: string | undefined): boolean {
  if (!accept) return false;
  return accept.split(',').some((range) => {
    const [type = '', ...parameters] = range.split(';').map((part) => part.trim().toLowerCase());
    if (type !== 'application/graphql-response+json') return false;
    const quality = parameters.find((parameter) => parameter.startsWith('q='));
    return quality === undefined || Number(quality.slice(2)) > 0;
  });
}

/**
 * GraphQL over HTTP: a document that does not parse or validate, or variables that do not fit
 * their types, answer 4xx to a client that accepts `application/graphql-response+json` (Apollo's
 * 400), and SHOULD answer 200 to one that only accepts `application/json` (legacy clients read
 * the body of a 200 only). This plugin makes that second case 200; the body is the same.
 */
export function legacyStatusPlugin(): ApolloServerPlugin<GraphContext> {
  return {
    async requestDidStart({ request }) {
      const legacy = !acceptsGraphQLResponse(request.http?.headers.get('accept'));
      return {
        async willSendResponse({ response }) {
          if (!legacy || response.http.status !== 400 || response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          if ('data' in result || !result.errors?.length || !result.errors.every(isRequestError)) return;
          response.http.status = 200;
        },
      };
    },
  };
}
