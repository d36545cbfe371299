import { createReadStream, existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { ApolloServer } from '@apollo/server';
import createDebug from 'debug';
import express, { type RequestHandler, type Router } from 'express';
import { z } from 'zod';
import { exportGraph, type ExportFormat } from '../export/export.js';
import { idsIn } from '../export/ids-in.js';
import type { GraphContext } from '../graphql/context.js';
import { ENTITY_KINDS } from '../domain/kinds.js';
import { findNodes } from '../store/find-nodes.js';
import { ImportError } from '../records/errors.js';
import { KIND_FILE_NAMES } from '../records/record-kinds.js';
import { StoreTimeoutError, StoreUnavailableError } from '../store/errors.js';
import type { GraphStore } from '../store/graph-store.js';
import { sendError, statusOfCode } from './refusals.js';

const log = createDebug('tradegraph:server:export');

const CONTENT_TYPES: Record<ExportFormat, string> = {
  jsonl: 'application/x-ndjson; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  graphml: 'application/graphml+xml; charset=utf-8',
};

const FILE_KINDS = [...KIND_FILE_NAMES.keys()];

function exportQuery(maxDepth: number) {
  return z
    .object({
      format: z.enum(['jsonl', 'csv', 'graphml'], { error: 'must be jsonl, csv or graphml' }),
      kind: z
        .enum(FILE_KINDS as [string, ...string[]], { error: `must be one of ${FILE_KINDS.join(', ')}` })
        .optional(),
      root: z.string().min(1, { error: 'must name an entity id' }).max(200).optional(),
      depth: z
        .string()
        .regex(/^\d+$/, { error: 'must be a whole number of steps' })
        .transform(Number)
        .refine((depth) => depth <= maxDepth, { error: `must be at most ${maxDepth}` })
        .optional(),
      query: z.string().min(1, { error: 'must be a GraphQL document' }).optional(),
      variables: z.string().optional(),
      flat: z.string().optional(),
    })
    .superRefine((options, ctx) => {
      const issue = (path: string, message: string): void => {
        ctx.addIssue({ code: 'custom', path: [path], message });
      };
      if (options.format === 'csv' && options.kind === undefined) {
        issue('kind', `is required with format=csv: one CSV file per kind (${FILE_KINDS.join(', ')})`);
      }
      if (options.format !== 'csv' && options.kind !== undefined) issue('kind', 'goes with format=csv');
      if (options.query !== undefined && options.root !== undefined)
        issue('root', 'give root or query, not both');
      if (options.depth !== undefined && options.root === undefined) issue('depth', 'goes with root');
      if (options.variables !== undefined && options.query === undefined)
        issue('variables', 'goes with query');
      if (options.flat !== undefined) {
        issue('flat', 'is GET /export.csv?query=… here (the flat, cited CSV of a query’s answer)');
      }
    });
}

export interface ExportRouteOptions {
  readonly store: GraphStore;
  readonly apollo: ApolloServer<GraphContext>;
  /** A fresh read-only context for each request (never one that may write). */
  readonly context: () => GraphContext;
  /** Largest `depth` (the server's traversal limit). */
  readonly maxDepth: number;
  /** Middleware run first (the server's rate limit). */
  readonly before?: readonly RequestHandler[];
}

/**
 * `GET /export?format=jsonl|csv|graphml[&root=<id>&depth=<n> | &query=<GraphQL>[&variables=<JSON>]][&kind=<file kind>]`:
 * `tradegraph export` over HTTP, with the same options, for whoever works next to a running server
 * (the embedded database admits one process). Open like every read, rate-limited, and a `query`
 * runs through Apollo with a read-only context, so it is priced and depth-checked like `/graphql`.
 * CSV is one kind's file at a time (`kind=companies`); `flat` is GET /export.csv.
 */
export function exportRouter(options: ExportRouteOptions): Router {
  const router = express.Router();
  const schema = exportQuery(options.maxDepth);
  router.get('/export', ...(options.before ?? []), async (request, response) => {
    const parsed = schema.safeParse(request.query);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = String(issue?.path[0] ?? 'query');
      sendError(
        response,
        400,
        'BAD_USER_INPUT',
        `Query parameter "${field}" ${issue?.message ?? 'is not valid'}`,
        {
          field,
        },
      );
      return;
    }
    const { format, kind, root, depth, query } = parsed.data;
    let ids: string[] | undefined;
    if (query !== undefined) {
      let variables: Record<string, unknown> | undefined;
      if (parsed.data.variables !== undefined) {
        try {
          const value: unknown = JSON.parse(parsed.data.variables);
          if (value === null || typeof value !== 'object' || Array.isArray(value))
            throw new Error('not an object');
          variables = value as Record<string, unknown>;
        } catch {
          sendError(
            response,
            400,
            'BAD_USER_INPUT',
            'Query parameter "variables" must be a JSON object, e.g. {"id":"anpact"}',
            {
              field: 'variables',
            },
          );
          return;
        }
      }
      const answer = await options.apollo.executeOperation(
        { query, ...(variables ? { variables } : {}) },
        { contextValue: options.context() },
      );
      if (answer.body.kind !== 'single') {
        sendError(response, 400, 'BAD_USER_INPUT', 'An export takes one answer, not an incremental one');
        return;
      }
      const result = answer.body.singleResult;
      if (result.errors?.length) {
        // The export did not happen: an error status whatever Apollo would answer a GraphQL client.
        response.status(statusOfCode(result.errors[0]?.extensions?.code)).json({ errors: result.errors });
        return;
      }
      ids = [...idsIn(result.data)];
      if (ids.length === 0) {
        sendError(
          response,
          400,
          'BAD_USER_INPUT',
          'The query answered no `id`: select `id` on the nodes to export',
        );
        return;
      }
    }
    if (root !== undefined) {
      // Checked before the first byte goes out (a GraphML header is written before the first record).
      const node = (await findNodes(options.store, [root])).get(root);
      if (!node) {
        sendError(
          response,
          404,
          'NOT_FOUND',
          `No node with id "${root}" (GET /export takes the ids of the graph)`,
        );
        return;
      }
      if (!(ENTITY_KINDS as readonly string[]).includes(node.kind)) {
        sendError(
          response,
          400,
          'BAD_USER_INPUT',
          `"${root}" is a ${node.kind}; a neighbourhood starts at an entity`,
          {
            field: 'root',
          },
        );
        return;
      }
    }
    const exportOptions = {
      format,
      ...(root !== undefined ? { root } : {}),
      ...(depth !== undefined ? { depth } : {}),
      ...(ids ? { ids } : {}),
    };
    const name = `tradegraph-export${kind ? `-${kind}` : ''}.${format === 'jsonl' ? 'jsonl' : format}`;
    let directory: string | null = null;
    try {
      if (format === 'csv') {
        // CSV is a file per kind: the export is written to a directory of its own, and one file sent.
        directory = await mkdtemp(path.join(os.tmpdir(), 'tradegraph-export-'));
        await exportGraph(options.store, directory, exportOptions);
        const file = path.join(directory, `${kind ?? ''}.csv`);
        response.status(200).type(CONTENT_TYPES.csv);
        response.setHeader('Content-Disposition', `attachment; filename="${name}"`);
        if (!existsSync(file)) {
          // Nothing of this kind in the export: the header alone would need the columns, so an empty file.
          response.end();
          return;
        }
        await pipeline(createReadStream(file), response);
        return;
      }
      response.status(200).type(CONTENT_TYPES[format]);
      response.setHeader('Content-Disposition', `attachment; filename="${name}"`);
      await exportGraph(options.store, response, exportOptions);
      if (!response.writableEnded) response.end();
    } catch (error) {
      if (response.headersSent) {
        // Part of the file has gone: cut the connection so the client sees an incomplete download.
        log('export failed after sending began: %O', error);
        response.destroy(error instanceof Error ? error : undefined);
        return;
      }
      response.removeHeader('Content-Disposition');
      if (error instanceof ImportError) {
        sendError(response, 404, 'NOT_FOUND', error.message);
      } else if (error instanceof StoreUnavailableError) {
        sendError(response, 503, 'SERVICE_UNAVAILABLE', 'The graph store is unavailable; try again later.');
      } else if (error instanceof StoreTimeoutError) {
        sendError(
          response,
          504,
          'TIMEOUT',
          'The export took too long and was cancelled; use `tradegraph export`.',
        );
      } else {
        log('export failed: %O', error);
        sendError(response, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
      }
    } finally {
      if (directory) await rm(directory, { recursive: true, force: true });
    }
  });
  return router;
}
