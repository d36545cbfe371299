import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import createDebug from 'debug';
import { ReadOnlyStoreError, StoreTimeoutError, StoreUnavailableError } from '../store/errors.js';

const log = createDebug('tradegraph:graphql');

/** Client-facing error codes, carried in `extensions.code`. */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'SERVICE_UNAVAILABLE'
  | 'TIMEOUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'BAD_REQUEST'
  | 'READ_ONLY'
  | 'INTERNAL_SERVER_ERROR';

/**
 * Every `extensions.code` a client can receive: ours, and those the GraphQL layer and the HTTP
 * server give requests refused before execution (unparsable, invalid, too large, too frequent).
 */
export const CLIENT_ERROR_CODES: readonly string[] = [
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'SERVICE_UNAVAILABLE',
  'TIMEOUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'INTERNAL_SERVER_ERROR',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
  'RATE_LIMITED',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'CONFLICT',
  'READ_ONLY',
];

export class ClientError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { ...extensions, code } });
  }
}

export class BadUserInputError extends ClientError {
  /** `suggestions`, when given, lists what the user may have meant (extensions.suggestions). */
  constructor(message: string, argument?: string, suggestions?: readonly string[]) {
    super('BAD_USER_INPUT', message, {
      ...(argument ? { argument } : {}),
      ...(suggestions && suggestions.length > 0 ? { suggestions: [...suggestions] } : {}),
    });
  }
}

/** A formatted error without any stack trace Apollo may have attached, nor the HTTP status it carries. */
function withoutStack(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const { stacktrace: _stacktrace, http: _http, ...extensions } = formatted.extensions ?? {};
  return { ...formatted, extensions };
}

/**
 * Shapes every error sent to a client. Our typed errors and the request errors GraphQL itself
 * raises (parse, validation, variable coercion, however Apollo wraps them) pass through; store
 * outages and timeouts become SERVICE_UNAVAILABLE and TIMEOUT, a write to a read-only store READ_ONLY; anything else is logged and
 * masked, so no stack trace, driver message or Cypher text ever reaches a client.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  // Apollo wraps GraphQL's own request errors (validation, variables) in errors of its own, and
  // execution wraps what a resolver throws: look at the innermost error.
  let original: unknown = error;
  while (original instanceof GraphQLError && original.originalError !== undefined) {
    original = original.originalError;
  }
  if (formatted.extensions?.code === 'PERSISTED_QUERY_NOT_SUPPORTED') {
    // Apollo's own message is the bare class name.
    return {
      message: 'Persisted queries are turned off on this server: send the whole query.',
      extensions: { code: 'PERSISTED_QUERY_NOT_SUPPORTED' },
    };
  }
  if (original instanceof GraphQLError) return withoutStack(formatted);
  const { locations, path } = formatted;
  const at = { ...(locations ? { locations } : {}), ...(path ? { path } : {}) };
  if (original instanceof StoreUnavailableError) {
    return {
      ...at,
      message: 'The graph store is unavailable; try again shortly.',
      extensions: { code: 'SERVICE_UNAVAILABLE' },
    };
  }
  if (original instanceof ReadOnlyStoreError) {
    // Its message is the server's own (why it takes no writes, and what to run instead).
    return { ...at, message: original.message, extensions: { code: 'READ_ONLY' } };
  }
  if (original instanceof StoreTimeoutError) {
    return { ...at, message: 'The query took too long and was cancelled.', extensions: { code: 'TIMEOUT' } };
  }
  log('internal error: %O', original);
  return { ...at, message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}
