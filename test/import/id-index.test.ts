import fc from 'fast-check';
import { IdIndex } from '../../src/import/id-index';

describe('IdIndex', () => {
  test('answers like a map that keeps the first sighting of each key, through growth', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.string({ maxLength: 12 }), fc.nat(1000), fc.nat(50)), { maxLength: 3000 }),
        (sightings) => {
          const index = new IdIndex(1);
          const first = new Map<string, { content: number; line: number; file: number }>();
          sightings.forEach(([key, content, file], line) => {
            const seen = index.addOrGet(key, content, file, line + 1);
            expect(seen).toEqual(first.get(key) ?? null);
            if (!first.has(key)) first.set(key, { content, line: line + 1, file });
          });
          expect(index.size).toBe(first.size);
          for (const [key, where] of first) expect(index.get(key)).toEqual(where);
          expect(index.get('\u0000never-added')).toBeNull();
        },
      ),
      { seed: 20261122, numRuns: 60 },
    );
  });
});
