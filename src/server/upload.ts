import { createWriteStream } from 'node:fs';
import path from 'node:path';
import { Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import busboy from 'busboy';
import type { Request } from 'express';
import { describeBytes } from './describe-bytes.js';

/**
 * What a client may call a file: a plain name whose ending says the format (and, for the
 * project's formats, the kind: `companies.csv`, `2026.statistics.jsonl`; see docs/import-export.md).
 */
export const FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,119}\.(csv|jsonl|ndjson)$/;

export const FILE_NAME_RULE =
  'must be a plain file name (letters, digits, ".", "_", "-"; at most 120 characters) ending in .csv, .jsonl or .ndjson';

/** Files one multipart request may carry: one change is a handful of files, not a directory tree. */
export const MAX_FILES = 50;

/** The request body was refused before anything was imported: the status and what to do. */
export class UploadError extends Error {
  constructor(
    readonly status: 400 | 413,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

/** A file received: the name the client gave it, and where it was written. */
export interface ReceivedFile {
  readonly name: string;
  readonly path: string;
}

/** Passes bytes through and fails once more than `max` have gone by. */
function byteCap(max: number, what: string): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
      seen += chunk.length;
      if (seen > max) callback(new UploadError(413, `${what} is larger than ${describeBytes(max)}`));
      else callback(null, chunk);
    },
  });
}

export const isMultipart = (request: Request): boolean =>
  /^multipart\/form-data\b/i.test(request.headers['content-type'] ?? '');

/** The request body is the file (`?filename=` names it): streamed to `directory`, never held in memory. */
export async function receiveBody(
  request: Request,
  directory: string,
  name: string,
  maxBytes: number,
): Promise<ReceivedFile[]> {
  const file = path.join(directory, name);
  await pipeline(request, byteCap(maxBytes, 'The file'), createWriteStream(file));
  return [{ name, path: file }];
}

/**
 * A `multipart/form-data` body: every part is a file, named by its file name (`curl -F
 * file=@companies.csv -F file=@statistics.jsonl`), each streamed to `directory`. The files are one
 * change: the caller imports them together. `maxBytes` bounds the whole body.
 */
export async function receiveMultipart(
  request: Request,
  directory: string,
  maxBytes: number,
): Promise<ReceivedFile[]> {
  const received: ReceivedFile[] = [];
  const writes: Promise<void>[] = [];
  let refusal: UploadError | null = null;
  const refuse = (error: UploadError): void => {
    refusal ??= error;
  };
  const parser = busboy({ headers: request.headers, limits: { files: MAX_FILES, fields: 20 } });
  parser.on('file', (field, stream, info) => {
    const name = info.filename;
    if (refusal) {
      stream.resume();
      return;
    }
    if (!name) {
      refuse(
        new UploadError(
          400,
          `Part "${field}" has no file name: send each file as a file part (curl -F 'file=@companies.csv')`,
          field,
        ),
      );
    } else if (!FILE_NAME.test(name)) {
      refuse(new UploadError(400, `File "${name}": the name ${FILE_NAME_RULE}`, field));
    } else if (received.some((file) => file.name === name)) {
      refuse(
        new UploadError(400, `File "${name}" is sent twice; each file of a change needs its own name`, field),
      );
    }
    if (refusal || !name) {
      stream.resume();
      return;
    }
    const file = { name, path: path.join(directory, name) };
    received.push(file);
    writes.push(pipeline(stream, createWriteStream(file.path)));
  });
  parser.on('field', (field) =>
    refuse(
      new UploadError(
        400,
        `Part "${field}" is a form field, not a file: options go in the query (?dryRun=true), files in file parts`,
        field,
      ),
    ),
  );
  parser.on('filesLimit', () =>
    refuse(new UploadError(400, `More than ${MAX_FILES} files in one request; split the change`)),
  );
  parser.on('fieldsLimit', () =>
    refuse(new UploadError(400, 'Form fields are not accepted: options go in the query (?dryRun=true)')),
  );
  try {
    await pipeline(request, byteCap(maxBytes, 'The request'), parser);
    await Promise.all(writes);
  } catch (error) {
    await Promise.allSettled(writes);
    if (error instanceof UploadError) throw error;
    throw new UploadError(400, `The multipart body could not be read: ${(error as Error).message}`);
  }
  if (refusal) throw refusal;
  if (received.length === 0) {
    throw new UploadError(
      400,
      "No file in the request: send files as form-data file parts (curl -F 'file=@companies.csv')",
    );
  }
  return received;
}
