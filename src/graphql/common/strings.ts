import type { StoreValue } from '../../store/values.js';

export const textOrNull = (value: StoreValue | undefined): string | null =>
  typeof value === 'string' ? value : null;

export const textList = (value: StoreValue | undefined): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
