/** Every string under a key `id` in a JSON answer, in the order met: the nodes a query's answer names. */
export function idsIn(value: unknown, into: Set<string> = new Set()): Set<string> {
  if (Array.isArray(value)) for (const item of value) idsIn(item, into);
  else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (key === 'id' && typeof item === 'string') into.add(item);
      else idsIn(item, into);
    }
  }
  return into;
}
