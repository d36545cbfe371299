/**
 * Deepest nesting of arrays and objects in a JSON text, measured on the raw characters (strings
 * and their escapes skipped) without parsing it: so a body or a `variables` parameter nested
 * thousands deep is refused before `JSON.parse`, `JSON.stringify` or GraphQL's variable coercion
 * (all recursive) ever walk it. The scan stops as soon as `stopAbove` is passed.
 */
export function jsonNestingDepth(text: string | Uint8Array, stopAbove = Number.POSITIVE_INFINITY): number {
  const OPEN_ARRAY = 0x5b;
  const CLOSE_ARRAY = 0x5d;
  const OPEN_OBJECT = 0x7b;
  const CLOSE_OBJECT = 0x7d;
  const QUOTE = 0x22;
  const BACKSLASH = 0x5c;
  const at =
    typeof text === 'string'
      ? (index: number) => text.charCodeAt(index)
      : (index: number) => text[index] ?? 0;
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let index = 0; index < text.length; index += 1) {
    const code = at(index);
    if (inString) {
      if (code === BACKSLASH) index += 1;
      else if (code === QUOTE) inString = false;
    } else if (code === QUOTE) {
      inString = true;
    } else if (code === OPEN_ARRAY || code === OPEN_OBJECT) {
      depth += 1;
      if (depth > deepest) {
        deepest = depth;
        if (deepest > stopAbove) return deepest;
      }
    } else if (code === CLOSE_ARRAY || code === CLOSE_OBJECT) {
      depth -= 1;
    }
  }
  return deepest;
}
