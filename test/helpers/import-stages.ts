import { checkBlock } from '../../src/import/check-blocks';
import type { Checked } from '../../src/import/check-records';
import { ImportReport } from '../../src/import/import-report';
import type { InputFile } from '../../src/import/input-files';
import { type Problem, ValidationError } from '../../src/import/problems';

/** A report for an import of these (JSON Lines) file names, none of them read from disk. */
export function reportFor(...names: string[]): ImportReport {
  const files: InputFile[] = names.map((name) => ({
    path: name,
    name,
    format: 'jsonl',
    kind: null,
    bytes: 0,
  }));
  return new ImportReport(files, { maxProblems: 1000 });
}

/** Records as the read stage hands them over: each checked, from file `file` of the import, line by line. */
export function checkedLines(
  records: readonly Record<string, unknown>[],
  file = 0,
): { checked: Checked[]; files: number[] } {
  const response = checkBlock({
    format: 'jsonl',
    fileName: 'change.jsonl',
    kind: null,
    text: records.map((record) => JSON.stringify(record)).join('\n'),
    firstLine: 1,
  });
  if (response.problems.length > 0) throw new Error(JSON.stringify(response.problems));
  const checked = [...response.checked];
  // Packed statistics come back apart (CheckResponse): as the read stage does, they become single records.
  const rows = response.packed === '' ? [] : response.packed.split('\n');
  rows.forEach((packed, i) => {
    const meta = response.packedMeta;
    checked.push({
      t: 's',
      line: meta[4 * i] as number,
      id: packed.slice(0, packed.indexOf('\u001f')),
      packed,
      row: null,
      hash: meta[4 * i + 1] as number,
      idHashes: [meta[4 * i + 2] as number, meta[4 * i + 3] as number],
    });
  });
  checked.sort((a, b) => a.line - b.line);
  return { checked, files: checked.map(() => file) };
}

/** The problems a report holds (none: an empty list). */
export function problemsOf(report: ImportReport): readonly Problem[] {
  try {
    report.refuseIfProblems();
    return [];
  } catch (error) {
    if (error instanceof ValidationError) return error.problems;
    throw error;
  }
}
