import type { Response } from 'express';

/**
 * A request refused by the HTTP server before GraphQL runs (a body too large, not JSON or nested
 * too deep, an unknown route). It is answered as JSON in the API's error shape, with a code.
 */
export class HttpRefusal extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extensions: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
  }
}

/** Answers `{ errors: [{ message, extensions: { code, ... } }] }` with the given status. */
export function sendRefusal(response: Response, refusal: HttpRefusal): void {
  response.status(refusal.status).json({
    errors: [{ message: refusal.message, extensions: { code: refusal.code, ...refusal.extensions } }],
  });
}

/** Answers one error in the API's shape: `{ errors: [{ message, extensions: { code, ...extensions } }] }`. */
export function sendError(
  response: Response,
  status: number,
  code: string,
  message: string,
  extensions: Readonly<Record<string, unknown>> = {},
): void {
  sendRefusal(response, new HttpRefusal(status, code, message, extensions));
}

/** The HTTP status of a GraphQL answer whose first error has this code. */
export function statusOfCode(code: unknown): number {
  switch (code) {
    case 'SERVICE_UNAVAILABLE':
    case 'READ_ONLY':
      return 503;
    case 'TIMEOUT':
      return 504;
    case 'INTERNAL_SERVER_ERROR':
      return 500;
    default:
      return 400;
  }
}
