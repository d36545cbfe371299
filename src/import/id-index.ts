/**
 * A compact index of the keys an import has seen (node ids, claim keys), to find repeated and
 * conflicting records without keeping the records themselves.
 *
 * Each key is stored as a 64-bit hash (two independent 32-bit hashes) with a 32-bit hash of the
 * record's content and where the key was first seen (file number and line): 20 bytes per slot,
 * at most half the slots used, so about 40 bytes per distinct key, against a kilobyte or so for
 * the record as a JavaScript object. Two different keys share a 64-bit hash with a probability of
 * about n²/2⁶⁵ (one in three million for ten million keys).
 */

const WORDS = 5; // h1, h2, content, line, file
const EMPTY = 0;

/** FNV-1a over UTF-16 code units. */
function hashA(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A multiply-rotate hash with another seed and mixing, independent enough of FNV-1a. */
function hashB(text: string): number {
  let h = 0x9747b28c ^ text.length;
  for (let i = 0; i < text.length; i += 1) {
    let k = Math.imul(text.charCodeAt(i), 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    h ^= Math.imul(k, 0x1b873593);
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The second hash of a key: never 0, so an all-zero slot means empty. */
function keyHashB(key: string): number {
  return (hashB(key) | 1) >>> 0;
}

/** The two hashes the index keeps of a key. */
export function keyHashes(key: string): [number, number] {
  return [hashA(key), keyHashB(key)];
}

/**
 * A 32-bit hash of a record's canonical text, to tell identical repeats from conflicting ones
 * (FNV-1a with another basis than the key hash: records are long, and this is the cheaper hash).
 */
export function contentHash(text: string): number {
  let h = 0x050c5d1f;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export interface FirstSeen {
  readonly content: number;
  readonly file: number;
  readonly line: number;
}

export class IdIndex {
  private slots: Uint32Array;
  private mask: number;
  private count = 0;

  constructor(initialCapacity = 1024) {
    let capacity = 1024;
    while (capacity < initialCapacity * 2) capacity *= 2;
    this.slots = new Uint32Array(capacity * WORDS);
    this.mask = capacity - 1;
  }

  get size(): number {
    return this.count;
  }

  /** Bytes held by the index (for the benchmark's memory report). */
  get bytes(): number {
    return this.slots.byteLength;
  }

  /**
   * Records `key` as seen at `file`/`line` with `content`, unless it was seen before: then returns
   * where and with what content it was first seen, and changes nothing.
   */
  addOrGet(key: string, content: number, file: number, line: number): FirstSeen | null {
    return this.addOrGetHashed(hashA(key), keyHashB(key), content, file, line);
  }

  /** As `addOrGet`, with the key's two hashes (`keyHashes`) computed elsewhere, e.g. in a worker thread. */
  addOrGetHashed(h1: number, h2: number, content: number, file: number, line: number): FirstSeen | null {
    const at = this.slotOf(h1, h2);
    if (this.slots[at + 1] !== EMPTY) return this.firstSeenAt(at);
    this.slots[at] = h1;
    this.slots[at + 1] = h2;
    this.slots[at + 2] = content >>> 0;
    this.slots[at + 3] = line >>> 0;
    this.slots[at + 4] = file >>> 0;
    this.count += 1;
    if (this.count * 2 > this.mask + 1) this.grow();
    return null;
  }

  /** Whether `key` was seen (and, if so, where first). */
  get(key: string): FirstSeen | null {
    return this.getHashed(hashA(key), keyHashB(key));
  }

  /** As `get`, with the key's two hashes. */
  getHashed(h1: number, h2: number): FirstSeen | null {
    const at = this.slotOf(h1, h2);
    return this.slots[at + 1] === EMPTY ? null : this.firstSeenAt(at);
  }

  /** Where the key with these hashes is, or the empty slot where it would go (linear probing). */
  private slotOf(h1: number, h2: number): number {
    let index = h1 & this.mask;
    for (;;) {
      const at = index * WORDS;
      const stored = this.slots[at + 1] as number;
      if (stored === EMPTY || (stored === h2 && this.slots[at] === h1)) return at;
      index = (index + 1) & this.mask;
    }
  }

  private firstSeenAt(at: number): FirstSeen {
    return {
      content: this.slots[at + 2] as number,
      line: this.slots[at + 3] as number,
      file: this.slots[at + 4] as number,
    };
  }

  private grow(): void {
    const old = this.slots;
    const capacity = (this.mask + 1) * 2;
    this.slots = new Uint32Array(capacity * WORDS);
    this.mask = capacity - 1;
    for (let at = 0; at < old.length; at += WORDS) {
      if (old[at + 1] === EMPTY) continue;
      let index = (old[at] as number) & this.mask;
      while (this.slots[index * WORDS + 1] !== EMPTY) index = (index + 1) & this.mask;
      this.slots.set(old.subarray(at, at + WORDS), index * WORDS);
    }
  }
}
