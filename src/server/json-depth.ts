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
  const isString = typeof text === 'string';
  const at = isString ? (index: number) => text.charCodeAt(index) : (index: number) => text[index] ?? 0;
  // Inside a string only a quote or a backslash matters: jump to the next one (a megabyte of text
  // in a variable was otherwise walked a character at a time).
  const next = (code: number, from: number): number => {
    const found = isString ? text.indexOf(String.fromCharCode(code), from) : text.indexOf(code, from);
    return found === -1 ? text.length : found;
  };
  let nextBackslash = -1;
  let depth = 0;
  let deepest = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = at(index);
    if (code === QUOTE) {
      // Skip the string: to its closing quote, past every escaped character.
      for (;;) {
        const quote = next(QUOTE, index + 1);
        if (nextBackslash <= index) nextBackslash = next(BACKSLASH, index + 1);
        if (nextBackslash < quote) {
          index = nextBackslash + 1;
          nextBackslash = -1;
          continue;
        }
        index = quote;
        break;
      }
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
