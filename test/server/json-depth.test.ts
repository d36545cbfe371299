import { Random } from '../../src/generate/random';
import { jsonNestingDepth } from '../../src/server/json-depth';

/** The scan a character at a time, as first written: the reference the faster one must agree with. */
function reference(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (inString) {
      if (char === '\\') index += 1;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === '[' || char === '{') deepest = Math.max(deepest, ++depth);
    else if (char === ']' || char === '}') depth -= 1;
  }
  return deepest;
}

describe('jsonNestingDepth', () => {
  test('counts arrays and objects, not brackets inside strings or after escapes', () => {
    expect(jsonNestingDepth('{"a":[1,{"b":[]}]}')).toBe(4);
    expect(jsonNestingDepth('{"a":"[[[{{{"}')).toBe(1);
    expect(jsonNestingDepth('{"a":"\\"[[[","b":[[1]]}')).toBe(3);
    expect(jsonNestingDepth('{"a":"\\\\","b":[[1]]}')).toBe(3);
    expect(jsonNestingDepth('["unterminated [[[')).toBe(1);
    expect(jsonNestingDepth('["ends in a backslash \\')).toBe(1);
    expect(jsonNestingDepth('')).toBe(0);
  });

  test('stops once past the limit, on text and on bytes', () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    expect(jsonNestingDepth(deep, 64)).toBe(65);
    expect(jsonNestingDepth(Buffer.from(deep), 64)).toBe(65);
    expect(jsonNestingDepth(`{"v":"${'x'.repeat(1_000_000)}","w":[[]]}`)).toBe(3);
  });

  test('agrees with a character-at-a-time scan over random JSON-like text, as text and as bytes', () => {
    const random = new Random(3, 'json-depth');
    const pieces = ['[', ']', '{', '}', '"', '\\', 'a', ',', ':', '\\"', '\\\\', 'é'];
    for (let round = 0; round < 3_000; round += 1) {
      const text = Array.from(
        { length: random.int(0, 40) },
        () => pieces[random.int(0, pieces.length - 1)],
      ).join('');
      expect([text, jsonNestingDepth(text)]).toEqual([text, reference(text)]);
      expect([text, jsonNestingDepth(Buffer.from(text))]).toEqual([text, reference(text)]);
    }
  });
});
