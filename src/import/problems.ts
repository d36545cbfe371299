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

/** Where readers report problems (an array, or a sink that caps how many are kept). */
export interface ProblemSink {
  push(problem: Problem): unknown;
}

/** Raised before anything is written when input has problems; lists them all (up to a readable cap). */
export class ValidationError extends Error {
  static readonly SHOWN = 50;

  /**
   * @param problems the problems kept (all of them, or the first ones when there are very many)
   * @param total how many problems there are in all (default: as many as kept)
   */
  constructor(
    readonly problems: readonly Problem[],
    readonly total: number = problems.length,
  ) {
    const shown = problems.slice(0, ValidationError.SHOWN).map((p) => `  - ${formatProblem(p)}`);
    const more = total > shown.length ? [`  … and ${total - shown.length} more`] : [];
    super([`${total} problem(s) in the input; nothing was written:`, ...shown, ...more].join('\n'));
    this.name = 'ValidationError';
  }
}
