import { BadUserInputError } from '../graphql/errors.js';
import type { QueryLimits } from './query-limits.js';

/** A page size within `1..maxFirst`, or a BAD_USER_INPUT error naming the argument and the bound. */
export function checkFirst(first: number, limits: QueryLimits, argument = 'first'): number {
  return checkRange(first, 1, limits.maxFirst, argument);
}

/** A whole number within `min..max`, or a BAD_USER_INPUT error naming the argument and the bound. */
export function checkRange(value: number, min: number, max: number, argument: string): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new BadUserInputError(`${argument} must be between ${min} and ${max} (got ${value})`, argument);
  }
  return value;
}
