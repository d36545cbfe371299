/** One thing wrong with an input record: where it is and what is wrong, in words a researcher can act on. */
export interface Problem {
  readonly file: string;
  /** 1-based line of the record (or row) in its file, when known. */
  readonly line?: number;
  /** The record's id, or `#n` (1-based position) when it has none. */
  readonly record: string;
  readonly field?: string;
  readonly message: string;
}

export function formatProblem(problem: Problem): string {
  const where = problem.line === undefined ? problem.file : `${problem.file}:${problem.line}`;
  const field = problem.field ? ` field "${problem.field}"` : '';
  return `${where} record ${problem.record}${field}: ${problem.message}`;
}

/** Raised before anything is written when input has problems; lists them all (up to a readable cap). */
export class ValidationError extends Error {
  static readonly SHOWN = 50;

  constructor(readonly problems: readonly Problem[]) {
    const shown = problems.slice(0, ValidationError.SHOWN).map((p) => `  - ${formatProblem(p)}`);
    const more =
      problems.length > ValidationError.SHOWN
        ? [`  … and ${problems.length - ValidationError.SHOWN} more`]
        : [];
    super([`${problems.length} problem(s) in the input; nothing was written:`, ...shown, ...more].join('\n'));
    this.name = 'ValidationError';
  }
}
