import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import createDebug from 'debug';
import { StoreTimeoutError, StoreUnavailableError } from '../store/errors.js';

const log = createDebug('tradegraph:graphql');

/** Client-facing error codes, carried in `extensions.code`. */
export type ErrorCode =
  'BAD_USER_INPUT' | 'NOT_FOUND' | 'SERVICE_UNAVAILABLE' | 'TIMEOUT' | 'FORBIDDEN' | 'INTERNAL_SERVER_ERROR';

export class ClientError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { ...extensions, code } });
  }
}

export class BadUserInputError extends ClientError {
  constructor(message: string, argument?: string) {
    super('BAD_USER_INPUT', message, argument ? { argument } : {});
  }
}

export class NotFoundError extends ClientError {
  constructor(message: string) {
    super('NOT_FOUND', message);
  }
}

/** A formatted error without any stack trace Apollo may have attached. */
function withoutStack(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
  return { ...formatted, extensions };
}

/**
 * Shapes every error sent to a client. Our typed errors and the request errors GraphQL itself
 * raises (parse, validation, variable coercion: they wrap no other error) pass through; store
 * outages and timeouts become SERVICE_UNAVAILABLE and TIMEOUT; anything else is logged and
 * masked, so no stack trace, driver message or Cypher text ever reaches a client.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  if (error instanceof GraphQLError && error.originalError === undefined) return withoutStack(formatted);
  const original = error instanceof GraphQLError ? error.originalError : error;
  if (original instanceof ClientError) return withoutStack(formatted);
  const { locations, path } = formatted;
  const at = { ...(locations ? { locations } : {}), ...(path ? { path } : {}) };
  if (original instanceof StoreUnavailableError) {
    return {
      ...at,
      message: 'The graph store is unavailable; try again shortly.',
      extensions: { code: 'SERVICE_UNAVAILABLE' },
    };
  }
  if (original instanceof StoreTimeoutError) {
    return { ...at, message: 'The query took too long and was cancelled.', extensions: { code: 'TIMEOUT' } };
  }
  log('internal error: %O', original);
  return { ...at, message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}
