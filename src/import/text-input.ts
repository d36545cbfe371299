import { isUtf8 } from 'node:buffer';
import { closeSync, createReadStream, openSync, readSync } from 'node:fs';

/** The input is not UTF-8: where the first bad byte is, so the researcher can find it. */
export class EncodingError extends Error {
  constructor(
    readonly file: string,
    /** 0-based byte offset of the first byte that is not UTF-8. */
    readonly offset: number,
    /** 1-based line of that byte. */
    readonly line: number,
    message: string,
  ) {
    super(message);
    this.name = 'EncodingError';
  }
}

/** Number of bytes of a UTF-8 sequence, from its lead byte (0 for a byte that cannot lead one). */
function sequenceLength(lead: number): number {
  if (lead < 0x80) return 1;
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

/** Offset of the first byte that breaks UTF-8 (overlong forms, surrogates and code points past U+10FFFF included). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i] as number;
    const length = sequenceLength(lead);
    if (length === 0) return i;
    if (i + length > bytes.length) return i;
    for (let k = 1; k < length; k += 1) {
      const next = bytes[i + k] as number;
      let low = 0x80;
      let high = 0xbf;
      if (k === 1) {
        if (lead === 0xe0) low = 0xa0;
        else if (lead === 0xed) high = 0x9f;
        else if (lead === 0xf0) low = 0x90;
        else if (lead === 0xf4) high = 0x8f;
      }
      if (next < low || next > high) return i;
    }
    i += length;
  }
  return -1;
}

/** Where the last complete UTF-8 sequence of `bytes` ends, so a sequence split across chunks is carried over. */
function completeEnd(bytes: Uint8Array): number {
  for (let i = bytes.length - 1; i >= Math.max(0, bytes.length - 4); i -= 1) {
    const byte = bytes[i] as number;
    if ((byte & 0xc0) === 0x80) continue;
    const length = sequenceLength(byte);
    return length > 0 && bytes.length - i < length ? i : bytes.length;
  }
  return bytes.length;
}

/** 1-based line of a byte offset: counts the newlines before it. */
function lineOfOffset(file: string, offset: number): number {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(1 << 16);
    let line = 1;
    let position = 0;
    while (position < offset) {
      const read = readSync(fd, buffer, 0, Math.min(buffer.length, offset - position), position);
      if (read === 0) break;
      for (let i = 0; i < read; i += 1) if (buffer[i] === 0x0a) line += 1;
      position += read;
    }
    return line;
  } finally {
    closeSync(fd);
  }
}

/**
 * The text of a file as a stream of string chunks, checked to be UTF-8 as it is read. A UTF-8 byte
 * order mark is dropped; UTF-16 (by its byte order mark) and any byte that is not UTF-8 raise an
 * EncodingError naming the file, the byte offset and the line. `onBytes` is told how many bytes
 * were read, for progress.
 */
export async function* readUtf8(file: string, onBytes?: (bytes: number) => void): AsyncGenerator<string> {
  let carry: Buffer = Buffer.alloc(0);
  let offset = 0;
  let first = true;
  const refuse = (at: number, what: string): EncodingError => {
    const line = lineOfOffset(file, at);
    return new EncodingError(file, at, line, `${what} at byte ${at} (line ${line}); save the file as UTF-8`);
  };
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    let bytes = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
    if (first) {
      first = false;
      if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
        bytes = bytes.subarray(3);
        offset = 3;
      } else if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
        throw new EncodingError(
          file,
          0,
          1,
          'the file is UTF-16 (it starts with a UTF-16 byte order mark); save it as UTF-8',
        );
      }
    }
    const end = completeEnd(bytes);
    const body = bytes.subarray(0, end);
    carry = Buffer.from(bytes.subarray(end));
    if (!isUtf8(body)) throw refuse(offset + firstInvalidUtf8(body), 'a byte that is not UTF-8');
    offset += body.length;
    onBytes?.(chunk.length);
    if (body.length > 0) yield body.toString('utf8');
  }
  if (carry.length > 0) throw refuse(offset, 'a UTF-8 sequence cut short by the end of the file');
}
