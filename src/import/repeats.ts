import { RELATIONSHIP_TYPES, type RelationshipType } from '../domain/relationships.js';
import type { Checked } from './check-records.js';
import { contentHash, IdIndex } from './id-index.js';
import type { ImportReport } from './import-report.js';
import { targetsOf, type Location, type Valid } from './valid-records.js';

/**
 * The checks of an import as a whole that need no store: a record that repeats an earlier one of
 * the import exactly is counted and written once; one that repeats its id (or, for a claim, its
 * type, ends and source) with different content is a problem naming where the first one is.
 */
export class Repeats {
  private readonly nodeIndex: IdIndex;
  private readonly claimIndex = new IdIndex();

  /** `expected`: about how many records the import holds (the index is sized for them). */
  constructor(
    private readonly report: ImportReport,
    expected: number,
  ) {
    this.nodeIndex = new IdIndex(Math.min(expected, 1 << 24));
  }

  /** Repeat and conflict checks of checked records, in reading order; returns those that pass. */
  admit(items: readonly Checked[], files: readonly number[]): Valid[] {
    const valid: Valid[] = [];
    for (let i = 0; i < items.length; i += 1) {
      const checked = items[i] as Checked;
      const at: Location = { file: files[i] as number, line: checked.line };
      if (checked.t === 'c') {
        const claim = checked.record;
        const key = `${claim.type}|${claim.from}|${claim.to}|${claim.source}`;
        if (!this.firstTime(this.claimIndex, key, checked.hash, at, checked.label, 'claim')) continue;
        const definition = RELATIONSHIP_TYPES[claim.type as RelationshipType];
        valid.push({
          type: 'claim',
          record: claim,
          label: checked.label,
          at,
          refs: [
            { field: 'from', id: claim.from, allowed: definition.from },
            { field: 'to', id: claim.to, allowed: definition.to },
            { field: 'source', id: claim.source, allowed: ['Source'] },
          ],
        });
      } else if (checked.t === 's') {
        if (
          !this.firstTime(this.nodeIndex, checked.id, checked.hash, at, checked.id, 'id', checked.idHashes)
        ) {
          continue;
        }
        valid.push({
          type: 'statistic',
          id: checked.id,
          packed: checked.packed,
          row: checked.row,
          targets: targetsOf(checked.packed, checked.row),
          at,
        });
      } else {
        // A node a Comtrade file implies yields to a record of the import with the same id.
        if (checked.ensure && this.nodeIndex.get(checked.id)) continue;
        if (!this.firstTime(this.nodeIndex, checked.id, checked.hash, at, checked.id, 'id')) continue;
        valid.push({
          type: 'node',
          kind: checked.kind,
          id: checked.id,
          row: checked.row,
          ensure: checked.ensure,
          published: checked.published,
          given: checked.given,
          cleared: checked.cleared,
          patch: checked.patch,
          sameAs: checked.sameAs,
          at,
          refs: [
            ...checked.sources.map((source, i) => ({ field: `sources.${i}`, id: source })),
            ...checked.factSources,
          ].map(({ field, id }) => ({ field, id, allowed: ['Source'] as const })),
        });
      }
    }
    return valid;
  }

  /**
   * A claim whose ends a `sameAs` record's id was rewritten in (same-as.ts): checked again under
   * its new key, so it meets a claim of the change that names the node itself as any repeat
   * does (an exact one written once, one with other properties a problem). False: not to be written.
   */
  admitRewritten(item: Extract<Valid, { type: 'claim' }>): boolean {
    const claim = item.record;
    const key = `${claim.type}|${claim.from}|${claim.to}|${claim.source}`;
    return this.firstTime(
      this.claimIndex,
      key,
      contentHash(JSON.stringify(claim)),
      item.at,
      item.label,
      'claim',
    );
  }

  /**
   * Whether none of a block's packed statistics (`meta`: four numbers a row, see
   * CheckResponse.packedMeta) repeats another of the block or an id seen before. Records nothing.
   */
  allNew(meta: Uint32Array): boolean {
    const count = meta.length / 4;
    const inBlock = new Set<number>();
    for (let i = 0; i < count; i += 1) {
      const h1 = meta[4 * i + 2] as number;
      const h2 = meta[4 * i + 3] as number;
      const key = h1 * 0x200000 + (h2 & 0x1fffff);
      if (inBlock.has(key) || this.nodeIndex.getHashed(h1, h2)) return false;
      inBlock.add(key);
    }
    return true;
  }

  /** Records a block's packed statistics as seen (once `allNew` said they are). */
  addAll(meta: Uint32Array, file: number): void {
    for (let i = 0; i < meta.length / 4; i += 1) {
      this.nodeIndex.addOrGetHashed(
        meta[4 * i + 2] as number,
        meta[4 * i + 3] as number,
        meta[4 * i + 1] as number,
        file,
        meta[4 * i] as number,
      );
    }
  }

  /**
   * Records a key as seen; false when it was seen before (an exact repeat is counted and skipped,
   * a conflicting one is a problem).
   */
  private firstTime(
    index: IdIndex,
    key: string,
    content: number,
    at: Location,
    record: string,
    field: string,
    hashes?: readonly [number, number],
  ): boolean {
    const first = hashes
      ? index.addOrGetHashed(hashes[0], hashes[1], content, at.file, at.line)
      : index.addOrGet(key, content, at.file, at.line);
    if (first === null) return true;
    if (first.content === content) {
      this.report.duplicates += 1;
      return false;
    }
    const where = `${this.report.fileName(first.file)}:${first.line}`;
    this.report.problem({
      file: this.report.fileName(at.file),
      line: at.line,
      record,
      ...(field === 'id' ? { field } : {}),
      message:
        field === 'id'
          ? `repeats the id "${key}" of the record at ${where} with different content`
          : `repeats the claim at ${where} with different properties`,
    });
    return false;
  }
}
