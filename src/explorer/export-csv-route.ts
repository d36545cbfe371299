import type { ApolloServer } from '@apollo/server';
import createDebug from 'debug';
import express, { type RequestHandler, type Router } from 'express';
import type { GraphQLSchema } from 'graphql';
import { citedQuery, FlatQueryError } from '../export/flat/cited-query.js';
import { flatCsv, flattenAnswer } from '../export/flat/flatten.js';
import type { GraphContext } from '../graphql/context.js';

const log = createDebug('tradegraph:export-csv');

export interface ExportCsvOptions {
  readonly apollo: ApolloServer<GraphContext>;
  readonly schema: GraphQLSchema;
  /** A fresh read-only context for each request (never one that may write). */
  readonly context: () => GraphContext;
  readonly maxTokens: number;
  /** Middleware run first (the server's rate limit). */
  readonly before?: readonly RequestHandler[];
}

/** HTTP status for an error code the API gives. */
function statusOf(code: unknown): number {
  switch (code) {
    case 'SERVICE_UNAVAILABLE':
      return 503;
    case 'TIMEOUT':
      return 504;
    case 'INTERNAL_SERVER_ERROR':
      return 500;
    default:
      return 400;
  }
}

const refuse = (response: express.Response, status: number, message: string, code = 'BAD_USER_INPUT') =>
  response.status(status).json({ errors: [{ message, extensions: { code } }] });

/**
 * `GET /export.csv?query=<GraphQL document>[&variables=<JSON>]`: the answer as one flat, cited CSV
 * (see src/export/flat). The query runs through Apollo with a read-only context, so it is priced,
 * depth-checked and rate-limited like any `/graphql` request; mutations are refused before that.
 */
export function exportCsvRouter(options: ExportCsvOptions): Router {
  const router = express.Router();
  router.get('/export.csv', ...(options.before ?? []), async (request, response) => {
    const query = request.query.query;
    if (typeof query !== 'string' || query.trim() === '') {
      refuse(response, 400, 'Give the GraphQL query to export: /export.csv?query={…}');
      return;
    }
    let variables: Record<string, unknown> | undefined;
    const rawVariables = request.query.variables;
    if (rawVariables !== undefined) {
      try {
        const parsed: unknown = typeof rawVariables === 'string' ? JSON.parse(rawVariables) : undefined;
        if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
          throw new Error('not an object');
        variables = parsed as Record<string, unknown>;
      } catch {
        refuse(response, 400, 'variables must be a JSON object, e.g. variables={"id":"anpact"}');
        return;
      }
    }
    let cited: string;
    try {
      cited = citedQuery(options.schema, query, options.maxTokens);
    } catch (error) {
      if (error instanceof FlatQueryError) {
        refuse(response, 400, error.message);
        return;
      }
      throw error;
    }
    const answer = await options.apollo.executeOperation(
      { query: cited, ...(variables ? { variables } : {}) },
      { contextValue: options.context() },
    );
    if (answer.body.kind !== 'single') {
      refuse(response, 400, 'A flat export takes one answer, not an incremental one');
      return;
    }
    const result = answer.body.singleResult;
    if (result.errors?.length) {
      // An export with an error in it would silently miss rows: refuse it whole.
      const status = answer.http.status ?? statusOf(result.errors[0]?.extensions?.code);
      response.status(status).json({ errors: result.errors });
      return;
    }
    const csv = flatCsv(flattenAnswer(result.data));
    log('exported %d bytes', csv.length);
    response
      .status(200)
      .type('text/csv; charset=utf-8')
      .setHeader('Content-Disposition', 'attachment; filename="tradegraph-export.csv"')
      .send(csv);
  });
  return router;
}
