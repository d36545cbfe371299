import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import createDebug from 'debug';
import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { ImportError } from '../records/errors.js';
import { importFiles, type ImportSummary } from '../import/import.js';
import { ValidationError, type Problem } from '../import/problems.js';
import {
  ReadOnlyStoreError,
  StoreTimeoutError,
  StoreUnavailableError,
  WriteAbortedError,
} from '../store/errors.js';
import type { GraphStore } from '../store/graph-store.js';
import { sendError } from './refusals.js';
import {
  FILE_NAME,
  FILE_NAME_RULE,
  isMultipart,
  receiveBody,
  receiveMultipart,
  UploadError,
  type ReceivedFile,
} from './upload.js';

const log = createDebug('tradegraph:server:import');

/** Problems listed in full in a refusal; the rest are counted. */
const PROBLEMS_SHOWN = 200;

const importQuery = z.object({
  filename: z.string().regex(FILE_NAME, { message: FILE_NAME_RULE }).optional(),
  dryRun: z
    .enum(['true', 'false', '1', '0'], { error: 'must be true or false' })
    .optional()
    .transform((value) => value === 'true' || value === '1'),
  replaceEntities: z
    .enum(['true', 'false', '1', '0'], { error: 'must be true or false' })
    .optional()
    .transform((value) => value === 'true' || value === '1'),
});

/** The summary and problems name each file as the client did, never the server's temporary path. */
function renamed<T extends { file: string }>(items: readonly T[], files: readonly ReceivedFile[]): T[] {
  const names = new Map(files.map((file) => [file.path, file.name]));
  return items.map((item) => ({ ...item, file: names.get(item.file) ?? item.file }));
}

/** A message naming temporary paths, with the client's names instead. */
const withClientNames = (message: string, files: readonly ReceivedFile[]): string =>
  files.reduce((text, file) => text.split(file.path).join(file.name), message);

export interface ImportRouteOptions {
  readonly store: GraphStore;
  /** Largest file accepted. */
  readonly maxImportBytes: number;
  /** Files of at least this many bytes are imported as bulk writes (see `ImportOptions.bulkAboveBytes`). */
  readonly bulkImportBytes?: number;
  /**
   * Why this server takes no writes, when it reads only (a worker of `tradegraph serve --workers`):
   * imports are refused 503 READ_ONLY with this message before their body is read; dry runs,
   * which only read, go on.
   */
  readonly readOnly?: string | undefined;
}

/**
 * `POST /import?filename=companies.csv[&dryRun=true]` with the file as the request body, or
 * `POST /import[?dryRun=true]` with several files as `multipart/form-data`: the same import as
 * `tradegraph import` (the files checked together as one change, applied entirely or not at all).
 * Only requests with an API key get here (the server's write guard closes every write route).
 * Imports run one at a time; the body is streamed to a temporary file, never held in memory.
 */
export interface ImportRoute {
  readonly router: Router;
  /**
   * For a stopping server: calls off the import running, if any, and resolves once its client
   * has been answered: with its result if it became durable first, else with 503 (nothing
   * applied). After `waitMs` the client is answered 503 whatever the import does next: the
   * import was called off before its point of no return (or it would have finished by then), so
   * it will not be applied.
   */
  drain(waitMs: number): Promise<void>;
  /** Once set, new imports are refused with 503. */
  refuseNew(): void;
}

const SHUTTING_DOWN =
  'The server is shutting down: the import was not applied (nothing was written). Send it again once the server is back.';

export function importRouter(options: ImportRouteOptions): ImportRoute {
  const router = Router();
  let running = false;
  let refusing = false;
  /** The import running: how to call it off, and when its client has been answered. */
  let current: {
    readonly controller: AbortController;
    readonly answered: Promise<void>;
    answerNow: () => void;
  } | null = null;

  router.post('/import', async (request: Request, response: Response) => {
    const query = importQuery.safeParse(request.query);
    if (!query.success) {
      const issue = query.error.issues[0];
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
    const multipart = isMultipart(request);
    if (!multipart && query.data.filename === undefined) {
      sendError(
        response,
        400,
        'BAD_USER_INPUT',
        'Query parameter "filename" is required: the name of the file, e.g. companies.csv or statistics.jsonl ' +
          "(or send several files as multipart/form-data: curl -F 'file=@companies.csv' -F 'file=@statistics.jsonl')",
        { field: 'filename' },
      );
      return;
    }
    if (options.readOnly !== undefined && !query.data.dryRun) {
      response.set('Connection', 'close');
      sendError(response, 503, 'READ_ONLY', options.readOnly);
      return;
    }
    if (refusing) {
      response.set('Retry-After', '10');
      sendError(response, 503, 'SERVICE_UNAVAILABLE', SHUTTING_DOWN);
      return;
    }
    if (running) {
      response.set('Retry-After', '5');
      sendError(response, 409, 'CONFLICT', 'Another import is running; try again when it has finished.');
      return;
    }
    running = true;
    const controller = new AbortController();
    let markAnswered!: () => void;
    const answered = new Promise<void>((resolve) => (markAnswered = resolve));
    const answerNow = (): void => {
      if (!response.headersSent) {
        response.set('Connection', 'close');
        sendError(response, 503, 'SERVICE_UNAVAILABLE', SHUTTING_DOWN);
      }
      markAnswered();
    };
    current = { controller, answered, answerNow };
    const { filename, dryRun, replaceEntities } = query.data;
    // In the store's own scratch directory: what a killed process leaves there goes at the next start.
    const directory = await mkdtemp(
      path.join(options.store.scratchDirectory ?? os.tmpdir(), 'tradegraph-upload-'),
    );
    let files: ReceivedFile[] = [];
    let names = filename ?? 'the request';
    try {
      files =
        multipart || filename === undefined
          ? await receiveMultipart(request, directory, options.maxImportBytes)
          : await receiveBody(request, directory, filename, options.maxImportBytes);
      names = files.map((file) => file.name).join(', ');
      log('received %s (%s)', names, dryRun ? 'dry run' : 'import');
      // One change: the files are checked together, so a statistic may come before its source.
      const summary: ImportSummary = await importFiles(
        options.store,
        files.map((file) => file.path),
        {
          dryRun,
          replaceEntities,
          signal: controller.signal,
          ...(options.bulkImportBytes === undefined ? {} : { bulkAboveBytes: options.bulkImportBytes }),
        },
      );
      if (!response.headersSent) {
        response.json({
          ...summary,
          files: renamed(summary.files, files),
          possibleDuplicates: renamed(summary.possibleDuplicates, files),
          merges: renamed(summary.merges, files),
        });
      }
    } catch (error) {
      if (response.headersSent) {
        log('import of %s ended after its client was answered: %O', names, error);
      } else if (error instanceof WriteAbortedError || controller.signal.aborted) {
        response.set('Connection', 'close');
        sendError(response, 503, 'SERVICE_UNAVAILABLE', SHUTTING_DOWN);
      } else if (error instanceof UploadError) {
        // The client may still be sending: answer, then stop reading its body.
        response.set('Connection', 'close');
        sendError(
          response,
          error.status,
          error.status === 413 ? 'BAD_REQUEST' : 'BAD_USER_INPUT',
          error.message,
          error.field === undefined ? {} : { field: error.field },
        );
      } else if (error instanceof ValidationError) {
        // A message may name another record's place (a sameAs chain, a repeated id): by its client name too.
        const problems: Problem[] = renamed(error.problems.slice(0, PROBLEMS_SHOWN), files).map(
          (problem) => ({
            ...problem,
            message: withClientNames(problem.message, files),
          }),
        );
        sendError(
          response,
          422,
          'BAD_USER_INPUT',
          `${error.total} problem(s) in ${names}; nothing was written`,
          { problems, problemCount: error.total },
        );
      } else if (error instanceof ImportError) {
        sendError(response, 422, 'BAD_USER_INPUT', withClientNames(error.message, files));
      } else if (error instanceof ReadOnlyStoreError) {
        sendError(response, 503, 'READ_ONLY', error.message);
      } else if (error instanceof StoreUnavailableError) {
        log('import of %s: store unavailable: %O', names, error);
        sendError(response, 503, 'SERVICE_UNAVAILABLE', 'The graph store is unavailable; try again later.');
      } else if (error instanceof StoreTimeoutError) {
        log('import of %s timed out: %O', names, error);
        sendError(
          response,
          504,
          'TIMEOUT',
          'The import took too long and was cancelled; use `tradegraph import` for large files.',
        );
      } else {
        log('import of %s failed: %O', names, error);
        sendError(response, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
      }
    } finally {
      running = false;
      current = null;
      markAnswered();
      await rm(directory, { recursive: true, force: true });
    }
  });
  return {
    router,
    refuseNew: () => {
      refusing = true;
    },
    drain: async (waitMs) => {
      refusing = true;
      const running = current;
      if (!running) return;
      running.controller.abort();
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        running.answered,
        new Promise<void>((resolve) => (timer = setTimeout(resolve, waitMs))),
      ]);
      clearTimeout(timer);
      running.answerNow();
    },
  };
}
