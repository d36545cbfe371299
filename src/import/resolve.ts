import type { NodeKind } from '../domain/kinds.js';
import { KIND_FILE_NAMES } from '../records/record-kinds.js';
import { findNodes } from '../store/find-nodes.js';
import type { GraphStore } from '../store/graph-store.js';
import type { GraphNode } from '../store/values.js';
import type { ImportReport } from './import-report.js';
import type { Repeats } from './repeats.js';
import { mergedInto, SameAs } from './same-as.js';
import {
  labelOf,
  referencesOf,
  STATISTIC_REFERENCES,
  type Known,
  type Location,
  type Valid,
} from './valid-records.js';

interface PendingReference {
  readonly id: string;
  readonly places: { at: Location; record: string; field: string; allowed: readonly NodeKind[] }[];
  count: number;
}

/** Places kept for each reference that points ahead (the rest are counted). */
const PENDING_PLACES = 20;

/**
 * The resolve stage: the ids records refer to, found in the import or the store with the kinds
 * their fields allow. A reference to an id not known yet may point further into the import: the
 * record waits, and is resolved at the end (`finish`), when a reference still unknown is a
 * problem saying it is missing from both the change and the graph.
 */
export class Resolver {
  /** Non-statistic nodes of the import so far (statistics are never referenced). */
  private readonly imported = new Map<string, Known>();
  /** Nodes of the store looked up so far; null for ids the store does not have. */
  private readonly stored = new Map<string, Known | null>();
  private readonly pending = new Map<string, PendingReference>();
  /** Records waiting for a reference to a node later in the import. */
  private deferred: Valid[] = [];
  /** The change's `sameAs` records: each one's id read as the node it is merged into. */
  readonly sameAs = new SameAs();

  /** `repeats`: where a claim rewritten by `sameAs` is checked again under its new ends. */
  constructor(
    private readonly store: GraphStore,
    private readonly report: ImportReport,
    private readonly repeats: Repeats | null = null,
  ) {}

  /** Remembers the import's new nodes (an amendment's kind, and a Source's date, come from the graph). */
  register(valid: readonly Valid[]): void {
    for (const item of valid) {
      // A `sameAs` record's id is never a node: references to it are read as the node it names.
      if (item.type === 'node' && item.sameAs !== null) this.sameAs.add(item);
      else if (item.type === 'node' && !item.patch) {
        this.imported.set(item.id, { kind: item.kind, published: item.published });
      }
    }
  }

  /** What the import or the store holds under an id: undefined when not looked up yet, null when neither has it. */
  kindOf(id: string): Known | null | undefined {
    return this.imported.get(id) ?? this.stored.get(id);
  }

  targetKind(id: string): NodeKind {
    const known = this.kindOf(id);
    if (!known) throw new Error(`unresolved reference "${id}"`);
    return known.kind;
  }

  kindsOf(targets: readonly (string | null)[]): (NodeKind | null)[] {
    return targets.map((id) => (id === null ? null : this.targetKind(id)));
  }

  /** Whether the import or the graph has a node with this id. */
  async exists(id: string): Promise<boolean> {
    if (this.imported.has(id)) return true;
    await this.lookUp([id]);
    return Boolean(this.stored.get(id));
  }

  /** Looks up in the store the ids not looked up before (kind and, for sources, publication date). */
  async lookUp(ids: Iterable<string>): Promise<void> {
    await this.fetchNodes([...new Set(ids)].filter((id) => !this.stored.has(id)));
  }

  /** The stored nodes with these ids; remembers, for each id, what the store has. */
  private async fetchNodes(ids: readonly string[]): Promise<Map<string, GraphNode>> {
    const found = new Map<string, GraphNode>();
    for (let i = 0; i < ids.length; i += 5000) {
      const part = ids.slice(i, i + 5000);
      for (const [id, node] of await findNodes(this.store, part)) found.set(id, node);
      for (const id of part) {
        const node = found.get(id);
        const published =
          node && typeof node.properties.published === 'string' ? node.properties.published : null;
        this.stored.set(id, node ? { kind: node.kind, published } : null);
      }
    }
    return found;
  }

  /**
   * Resolves the references of a batch: returns the records ready to be classified, and the stored
   * nodes with the batch's ids (to compare with). Records whose references point further into the
   * import wait (until `finish`); `final`: nothing more comes, an unknown id is a problem.
   */
  async resolve(
    valid: readonly Valid[],
    final = false,
  ): Promise<{ ready: Valid[]; storedNodes: Map<string, GraphNode> }> {
    // One look-up serves both: the nodes to compare with, and the references not known yet.
    // Statistics, by far the most records, resolve their targets once, in a pass of their own.
    await this.acceptMerges(valid);
    const lookUp = new Set<string>();
    const unsure: Valid[] = [];
    const ready: Valid[] = [];
    const sameAs = this.sameAs;
    for (const given of valid) {
      // References to a `sameAs` record's id are read as the node it names.
      const item = sameAs.rewrite(given);
      if (item !== given && item.type === 'claim' && this.repeats && !this.repeats.admitRewritten(item))
        continue;
      if (item.type === 'statistic') {
        const kinds: (NodeKind | null)[] = [];
        let sure = true;
        for (let i = 0; i < item.targets.length; i += 1) {
          const id = item.targets[i];
          if (typeof id !== 'string') {
            kinds.push(null);
            continue;
          }
          const known = this.kindOf(id);
          if (known === undefined) lookUp.add(id);
          const allowed = (STATISTIC_REFERENCES[i] as (typeof STATISTIC_REFERENCES)[number])[1];
          if (known && allowed.includes(known.kind)) kinds.push(known.kind);
          else {
            sure = false;
            kinds.push(null);
          }
        }
        if (sure) {
          item.kinds = kinds;
          ready.push(item);
        } else unsure.push(item);
        continue;
      }
      if (item.type === 'node') lookUp.add(item.id);
      // A `sameAs` record: is its own id in the graph (refused), and the node it names (merged into)?
      if (item.type === 'node' && item.sameAs !== null) lookUp.add(item.sameAs);
      for (const ref of referencesOf(item)) if (this.kindOf(ref.id) === undefined) lookUp.add(ref.id);
      unsure.push(item);
    }
    const storedNodes = await this.fetchNodes([...lookUp]);

    for (const given of unsure) {
      let item = given;
      if (item.type === 'node' && item.sameAs !== null) {
        const merge = this.merge(item, final);
        if (merge === null) continue;
        item = merge;
      }
      let waiting = false;
      let wrong = false;
      for (const ref of referencesOf(item)) {
        const known = this.kindOf(ref.id);
        if (known && ref.allowed.includes(known.kind)) continue;
        const place = { file: this.report.fileName(item.at.file), line: item.at.line, record: labelOf(item) };
        if (known) {
          wrong = true;
          this.report.problem({ ...place, field: ref.field, message: wrongKind(ref.id, known, ref.allowed) });
        } else if (final) {
          wrong = true;
          this.report.problem({
            ...place,
            field: ref.field,
            message: this.missingMessage(ref.id, ref.allowed),
          });
        } else {
          // Not known yet: it may come later in the import. Checked again at the end.
          const pending = this.pending.get(ref.id) ?? { id: ref.id, places: [], count: 0 };
          pending.count += 1;
          if (pending.places.length < PENDING_PLACES) {
            pending.places.push({
              at: item.at,
              record: place.record,
              field: ref.field,
              allowed: ref.allowed,
            });
          }
          this.pending.set(ref.id, pending);
          // An entity's `sources` list is a property: the entity can be written now.
          if (item.type !== 'node') waiting = true;
        }
      }
      if (wrong) continue;
      if (item.type === 'statistic' && !waiting) item.kinds = this.kindsOf(item.targets);
      if (waiting) this.deferred.push(item);
      else ready.push(item);
    }
    return { ready, storedNodes };
  }

  /**
   * At the end of the import: references that pointed ahead are checked (a problem each that is
   * still unknown or of a wrong kind), and the records that waited for them are handed back.
   */
  finish(): Valid[] {
    // `sameAs` records that waited: what still stands in their way is a problem now.
    for (const item of this.deferred) {
      if (item.type === 'node' && item.sameAs !== null) this.merge(item, true, false);
    }
    for (const pending of this.pending.values()) {
      // Read as the node a `sameAs` record names: the records that waited are resolved again, rewritten.
      if (this.sameAs.get(pending.id)) continue;
      const known = this.kindOf(pending.id);
      for (const place of pending.places) {
        const where = {
          file: this.report.fileName(place.at.file),
          line: place.at.line,
          record: place.record,
          field: place.field,
        };
        if (!known) {
          this.report.problem({ ...where, message: this.missingMessage(pending.id, place.allowed) });
        } else if (!place.allowed.includes(known.kind)) {
          this.report.problem({ ...where, message: wrongKind(pending.id, known, place.allowed) });
        }
      }
      const first = pending.places[0];
      if (!known && first && pending.count > pending.places.length) {
        this.report.problem({
          file: this.report.fileName(first.at.file),
          record: '-',
          message: `… and ${pending.count - pending.places.length} more references to "${pending.id}"`,
        });
      }
    }
    this.pending.clear();
    const deferred = this.deferred;
    this.deferred = [];
    return deferred;
  }

  /**
   * The `sameAs` records of a batch that can be merged now are accepted first, so that the
   * batch's references to their ids are read as the nodes they name at once.
   */
  private async acceptMerges(valid: readonly Valid[]): Promise<void> {
    const merging = valid.filter((item) => item.type === 'node' && item.sameAs !== null);
    if (merging.length === 0) return;
    await this.lookUp(
      merging.flatMap((item) => (item.type === 'node' ? [item.id, item.sameAs as string] : [])),
    );
    for (const item of merging) {
      if (item.type !== 'node') continue;
      const target = this.kindOf(item.sameAs as string);
      if (this.sameAs.problem(item, this.stored.get(item.id), target, this.report, false) === null) {
        this.sameAs.accept(item.id);
      }
    }
  }

  /**
   * A `sameAs` record as the node it is merged into, once that can be done; else null. Before the
   * end, a record that cannot be merged yet waits with the deferred ones (the node it names may
   * come further on; a chain is known only at the end); `final`, what stands in its way is a
   * problem naming the field and what to do. `keep`: a record that waits is added to the deferred
   * ones (false: it is one of them already).
   */
  private merge(
    item: Extract<Valid, { type: 'node' }>,
    final: boolean,
    keep = true,
  ): Extract<Valid, { type: 'node' }> | null {
    const problem = this.sameAs.problem(
      item,
      this.stored.get(item.id),
      this.kindOf(item.sameAs as string),
      this.report,
      final,
    );
    if (problem === null) {
      this.sameAs.accept(item.id);
      return mergedInto(item);
    }
    if (problem.wait || !final) {
      if (keep) this.deferred.push(item);
    } else {
      this.report.problem({
        file: this.report.fileName(item.at.file),
        line: item.at.line,
        record: item.id,
        field: problem.field,
        message: problem.message,
      });
    }
    return null;
  }

  /**
   * A reference to an id neither in this change nor in the graph: says both, and how to add it
   * (a record of an allowed kind in the same change; files are checked together, in any order).
   */
  private missingMessage(id: string, allowed: readonly NodeKind[]): string {
    const files = this.report.files.length;
    const kind = allowed[0] ?? 'Source';
    const file = [...KIND_FILE_NAMES].find(([, each]) => each === kind)?.[0] ?? 'records';
    return (
      `refers to "${id}", which is neither in this change (its ${files} file${files === 1 ? '' : 's'}) nor in the graph: ` +
      `add a ${allowed.join(' or ')} record with id "${id}" to the change (a ${file}.csv or ${file}.jsonl file, ` +
      `or a line {"kind": "${kind}", "id": "${id}", …} in a JSON Lines file), or correct the id`
    );
  }
}

const wrongKind = (id: string, known: Known, allowed: readonly NodeKind[]): string =>
  `refers to "${id}", a ${known.kind}; expected ${allowed.join(' or ')}`;
