import { IntegrityError, NotFoundError } from './errors.js';

/** Exactly one row, or NotFoundError / IntegrityError naming what was looked for. */
export function one<R>(rows: readonly R[], what: string): R {
  const [first, ...rest] = rows;
  if (first === undefined) throw new NotFoundError(`${what} was not found`);
  if (rest.length > 0) throw new IntegrityError(`expected one ${what}, found ${rows.length}`);
  return first;
}

/** At most one row. */
export function maybeOne<R>(rows: readonly R[], what: string): R | null {
  if (rows.length > 1) throw new IntegrityError(`expected at most one ${what}, found ${rows.length}`);
  return rows[0] ?? null;
}

/** Any number of rows (named for symmetry with `one` and `maybeOne`). */
export function many<R>(rows: readonly R[]): readonly R[] {
  return rows;
}
