import { BadUserInputError } from '../errors.js';

/** Caps on how much one request may ask for. */
export const LIMITS = {
  /** Largest `first` of any list or connection. */
  maxFirst: 200,
  /** Deepest neighbourhood a request may expand. */
  maxDepth: 3,
  /** Longest path a request may search. */
  maxPathLength: 6,
} as const;

export function checkFirst(first: number, argument = 'first'): number {
  if (!Number.isInteger(first) || first < 1 || first > LIMITS.maxFirst) {
    throw new BadUserInputError(
      `${argument} must be between 1 and ${LIMITS.maxFirst} (got ${first})`,
      argument,
    );
  }
  return first;
}

export function checkRange(value: number, min: number, max: number, argument: string): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new BadUserInputError(`${argument} must be between ${min} and ${max} (got ${value})`, argument);
  }
  return value;
}
