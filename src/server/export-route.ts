import { createReadStream, existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import createDebug from 'debug';
import express, { type RequestHandler, type Router } from 'express';
import { z } from 'zod';
import { exportGraph, type ExportFormat } from '../export/export.js';
import { idsIn } from '../export/ids-in.js';
import { ENTITY_KINDS } from '../domain/kinds.js';
import { findNodes } from '../store/find-nodes.js';
import { ImportError } from '../records/errors.js';
import { KIND_FILE_NAMES } from '../records/record-kinds.js';
import { StoreTimeoutError, StoreUnavailableError } from '../store/errors.js';
import type { GraphStore } from '../store/graph-store.js';
import { exportVariables, runExportQuery, sendFlatCsv, type FlatExportOptions } from './export-query.js';
import { sendError } from './refusals.js';

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
      format: z.enum(['jsonl', 'csv', 'graphml'], { error: 'must be jsonl, csv or graphml' }).optional(),
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
      if (options.flat !== undefined) {
        // The query's answer itself as one flat, cited CSV (tradegraph export --query … --flat).
        if (options.query === undefined) issue('flat', 'goes with query (the flat CSV of a query’s answer)');
        const others = (['format', 'kind', 'root', 'depth'] as const).filter(
          (key) => options[key] !== undefined,
        );
        if (others.length > 0) {
          issue('flat', `writes CSV of the query’s answer: leave out ${others.join(', ')}`);
        }
        return;
      }
      if (options.format === undefined) {
        issue('format', 'must be jsonl, csv or graphml (or give flat with a query)');
        return;
      }
      if (options.format === 'csv' && options.kind === undefined) {
        issue('kind', `is required with format=csv: one CSV file per kind (${FILE_KINDS.join(', ')})`);
      }
      if (options.format !== 'csv' && options.kind !== undefined) issue('kind', 'goes with format=csv');
      if (options.query !== undefined && options.root !== undefined)
        issue('root', 'give root or query, not both');
      if (options.depth !== undefined && options.root === undefined) issue('depth', 'goes with root');
      if (options.variables !== undefined && options.query === undefined)
        issue('variables', 'goes with query');
    });
}

export interface ExportRouteOptions extends FlatExportOptions {
  readonly store: GraphStore;
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
 * CSV is one kind's file at a time (`kind=companies`). `GET /export?flat&query=<GraphQL>` is the
 * query's answer itself as one flat, cited CSV (`--flat`), and `GET /export.csv?query=<GraphQL>`
 * (the explorer's and the docs' URL) is the same export.
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
    const { kind, root, depth, query, flat } = parsed.data;
    if (flat !== undefined) {
      await sendFlatCsv(options, query, parsed.data.variables, response);
      return;
    }
    const format = parsed.data.format as ExportFormat;
    let ids: string[] | undefined;
    if (query !== undefined) {
      const variables = exportVariables(parsed.data.variables, response);
      if (variables === null) return;
      const data = await runExportQuery(options, query, variables, response);
      if (data === null) return;
      ids = [...idsIn(data)];
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
  // The flat export's own URL: the same export as /export?flat&query=….
  router.get('/export.csv', ...(options.before ?? []), async (request, response) => {
    await sendFlatCsv(options, request.query.query, request.query.variables, response);
  });
  return router;
}
