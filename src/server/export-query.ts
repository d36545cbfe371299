import type { ApolloServer } from '@apollo/server';
import type { Response } from 'express';
import type { GraphQLSchema } from 'graphql';
import { citedQuery, FlatQueryError } from '../export/flat/cited-query.js';
import { flatCsv, flattenAnswer } from '../export/flat/flatten.js';
import type { GraphContext } from '../graphql/context.js';
import { sendError, statusOfCode } from './refusals.js';

/*
 * What GET /export?query=… and its flat form (GET /export?flat&query=…, GET /export.csv?query=…)
 * share: the variables parameter, running the query through Apollo with a read-only context (so it
 * is priced, depth-checked and refused if it writes, like /graphql), and the flat, cited CSV.
 */

export interface ExportQueryOptions {
  readonly apollo: ApolloServer<GraphContext>;
  /** A fresh read-only context for each request (never one that may write). */
  readonly context: () => GraphContext;
}

export interface FlatExportOptions extends ExportQueryOptions {
  readonly schema: GraphQLSchema;
  readonly maxTokens: number;
}

/**
 * The `variables` query parameter as an object, undefined when absent; null when it is not a JSON
 * object (the 400 naming it has been sent).
 */
export function exportVariables(
  raw: unknown,
  response: Response,
): Record<string, unknown> | undefined | null {
  if (raw === undefined) return undefined;
  try {
    const value: unknown = typeof raw === 'string' ? JSON.parse(raw) : undefined;
    if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new Error('not an object');
    return value as Record<string, unknown>;
  } catch {
    sendError(
      response,
      400,
      'BAD_USER_INPUT',
      'Query parameter "variables" must be a JSON object, e.g. {"id":"anpact"}',
      { field: 'variables' },
    );
    return null;
  }
}

/**
 * Runs an export's query: its data, or null when the query was refused or failed (the answer has
 * been sent: an export with an error in it would silently miss rows, so it is refused whole).
 */
export async function runExportQuery(
  options: ExportQueryOptions,
  query: string,
  variables: Record<string, unknown> | undefined,
  response: Response,
): Promise<Record<string, unknown> | null> {
  const answer = await options.apollo.executeOperation(
    { query, ...(variables ? { variables } : {}) },
    { contextValue: options.context() },
  );
  if (answer.body.kind !== 'single') {
    sendError(response, 400, 'BAD_USER_INPUT', 'An export takes one answer, not an incremental one');
    return null;
  }
  const result = answer.body.singleResult;
  if (result.errors?.length) {
    // An error status whatever Apollo would answer a GraphQL client (it may say 200 with errors).
    const given = answer.http.status;
    const status =
      given !== undefined && given >= 400 ? given : statusOfCode(result.errors[0]?.extensions?.code);
    response.status(status).json({ errors: result.errors });
    return null;
  }
  return (result.data ?? {}) as Record<string, unknown>;
}

/**
 * Sends a query's answer as one flat, cited CSV (src/export/flat): a row per innermost object,
 * every object's source as columns. `tradegraph export --query … --flat` writes the same.
 */
export async function sendFlatCsv(
  options: FlatExportOptions,
  query: unknown,
  rawVariables: unknown,
  response: Response,
): Promise<void> {
  if (typeof query !== 'string' || query.trim() === '') {
    sendError(
      response,
      400,
      'BAD_USER_INPUT',
      'Give the GraphQL query to export: /export.csv?query={…} (or /export?flat&query={…})',
      { field: 'query' },
    );
    return;
  }
  const variables = exportVariables(rawVariables, response);
  if (variables === null) return;
  let cited: string;
  try {
    cited = citedQuery(options.schema, query, options.maxTokens);
  } catch (error) {
    if (error instanceof FlatQueryError) {
      sendError(response, 400, 'BAD_USER_INPUT', error.message, { field: 'query' });
      return;
    }
    throw error;
  }
  const data = await runExportQuery(options, cited, variables, response);
  if (data === null) return;
  response
    .status(200)
    .type('text/csv; charset=utf-8')
    .setHeader('Content-Disposition', 'attachment; filename="tradegraph-export.csv"')
    .send(flatCsv(flattenAnswer(data)));
}
