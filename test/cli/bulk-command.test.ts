import { bulkBufferPoolBytes } from '../../src/cli/bulk-command';

const GiB = 1024 ** 3;

describe('Bulk commands: page cache', () => {
  test('a quarter of the memory, in whole GiB, between 1 and 16 GiB', () => {
    expect(bulkBufferPoolBytes(24 * GiB)).toBe(6 * GiB);
    expect(bulkBufferPoolBytes(23.4 * GiB)).toBe(5 * GiB);
    expect(bulkBufferPoolBytes(2 * GiB)).toBe(GiB);
    expect(bulkBufferPoolBytes(256 * GiB)).toBe(16 * GiB);
  });
});
