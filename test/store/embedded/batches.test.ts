import { homogeneousBatches } from '../../../src/store/embedded/batches';

describe('Embedded batches', () => {
  test('integers and fractions of one field go to separate batches; nulls fit either', () => {
    const batches = homogeneousBatches(
      [{ v: 1 }, { v: 2.5 }, { v: null }, { v: 3 }, { v: 0.5, extra: 'x' }],
      10,
    );
    expect(batches).toEqual([
      [
        { v: 1, extra: null },
        { v: null, extra: null },
        { v: 3, extra: null },
      ],
      [
        { v: 2.5, extra: null },
        { v: 0.5, extra: 'x' },
      ],
    ]);
  });

  test('batches never exceed the size limit', () => {
    const rows = Array.from({ length: 25 }, (_, i) => ({ i }));
    expect(homogeneousBatches(rows, 10).map((b) => b.length)).toEqual([10, 10, 5]);
  });
});
