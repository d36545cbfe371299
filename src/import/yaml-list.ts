import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { LineCounter, isSeq, parseDocument } from 'yaml';
import type { Problem } from './problems.js';

/** A record of a dataset file, with the file and line it is on. */
export interface Located<T> {
  readonly file: string;
  readonly line: number;
  readonly record: T;
}

/** The records of one YAML file of a dataset (a list), each with its line; problems reported, not thrown. */
export function readYamlList(directory: string, file: string, problems: Problem[]): Located<unknown>[] {
  const full = path.join(directory, file);
  if (!existsSync(full)) {
    problems.push({ file, record: '-', message: 'file is missing' });
    return [];
  }
  const text = readFileSync(full, 'utf8');
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false });
  for (const error of document.errors) {
    problems.push({
      file,
      line: lineCounter.linePos(error.pos[0]).line,
      record: '-',
      message: `YAML: ${error.message}`,
    });
  }
  if (document.errors.length > 0) return [];
  if (document.contents === null) return [];
  if (!isSeq(document.contents)) {
    problems.push({ file, line: 1, record: '-', message: 'must be a YAML list of records' });
    return [];
  }
  return document.contents.items.map((item) => {
    const offset = (item as { range?: [number, number, number] }).range?.[0] ?? 0;
    return { file, line: lineCounter.linePos(offset).line, record: (item as { toJSON(): unknown }).toJSON() };
  });
}
