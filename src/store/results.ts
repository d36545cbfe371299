import { IntegrityError } from './errors.js';

/** At most one row. */
export function maybeOne<R>(rows: readonly R[], what: string): R | null {
  if (rows.length > 1) throw new IntegrityError(`expected at most one ${what}, found ${rows.length}`);
  return rows[0] ?? null;
}
