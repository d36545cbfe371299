import type { NodeKind } from '../domain/kinds.js';
import type { RelationshipType } from '../domain/relationships.js';
import { outgoingClaims } from '../records/graph-records.js';
import { fieldsOf } from '../records/record-kinds.js';
import { copyStatistics, findStatistics, type WriteRow } from '../store/catalog.js';
import {
  claimStatementName,
  statisticCopyStatementName,
  statisticLinkStatementName,
} from '../store/generated-statements.js';
import type { GraphStore } from '../store/graph-store.js';
import type { GraphNode, StoreValue } from '../store/values.js';
import type { CheckResponse } from './check-blocks.js';
import { claimRow } from './dataset.js';
import type { NewEntity } from './duplicates.js';
import type { ImportReport } from './import-report.js';
import { holds, mergeNode, rowOfNode } from './merge-node.js';
import { packLink } from './packed-rows.js';
import type { Repeats } from './repeats.js';
import type { Resolver } from './resolve.js';
import type { Staging } from './staging.js';
import { rowOf, type Valid } from './valid-records.js';
import {
  emptyPlan,
  insertLinkName,
  linkAllowed,
  push,
  STATISTIC_LINK_FIELDS,
  type WritePlan,
} from './write-plan.js';

// Imported bindings used for every record, held locally: some module loaders (tsx) turn each
// access to an imported binding into a getter call.
const LINK_FIELDS = STATISTIC_LINK_FIELDS;
const linkLine = packLink;
const linkName = insertLinkName;
const append = push;

export interface PlannerOptions {
  /** Journaled imports keep, with each plan, what undoes it. */
  readonly journaled: boolean;
  /** A record states the whole entity (ImportOptions.replaceEntities). */
  readonly replaceEntities: boolean;
  /** Statistics and claims the store held before the import (none: nothing to compare with). */
  readonly storedStatistics: number;
  readonly storedClaims: number;
}

/** An entity row's name and aliases. */
const namesOf = (row: WriteRow): string[] =>
  [row.name, ...((row.aliases as string[] | null) ?? [])].filter(
    (name): name is string => typeof name === 'string',
  );

/**
 * The plan stage: each resolved record classified against the store (created, updated or
 * unchanged; an entity or Source merged into the stored node, field by field) and what to write
 * gathered in a WritePlan, with its undo when journaled. Counts go to the import's report.
 */
export class Planner {
  /** The entities the import creates (not Sources, not nodes a Comtrade file implies). */
  readonly newEntities: NewEntity[] = [];
  /** The places the import's claims locate entities in (LOCATED_IN), by entity id. */
  readonly locations = new Map<string, Set<string>>();
  /** Where each new entity is in `newEntities`. */
  private readonly newIndex = new Map<string, number>();
  /**
   * The row written for each entity the change creates or changes, so that a `sameAs` record
   * merged into it adds to what the change writes rather than to what the graph held before.
   */
  private readonly planned = new Map<string, WriteRow>();

  constructor(
    private readonly store: GraphStore,
    private readonly report: ImportReport,
    private readonly resolver: Resolver,
    private readonly options: PlannerOptions,
  ) {}

  /** What to write for a batch of resolved records (`storedNodes`: the stored nodes with their ids). */
  async plan(ready: readonly Valid[], storedNodes: ReadonlyMap<string, GraphNode>): Promise<WritePlan> {
    const plan = emptyPlan(this.options.journaled);
    this.planNodes(
      ready.filter((item) => item.type === 'node'),
      storedNodes,
      plan,
    );
    await this.planStatistics(
      ready.filter((item) => item.type === 'statistic'),
      plan,
    );
    await this.planClaims(
      ready.filter((item) => item.type === 'claim'),
      plan,
    );
    return plan;
  }

  /**
   * The fast way for a block's statistics, when they are all new and all refer to nodes already
   * known with the kinds their fields allow (the usual case: a large file of new figures): their
   * lines go to the staged files whole, as the worker grouped them, with no work per row but the
   * repeat check. False: the block takes the way of single records, which reports every problem.
   * `staging`: where they go (null in a dry run, which only counts them).
   */
  async planWhole(
    checked: CheckResponse,
    file: number,
    repeats: Repeats,
    staging: Staging | null,
  ): Promise<boolean> {
    const resolver = this.resolver;
    // References to a `sameAs` record's id, once its merge is known, read as the node it names.
    const response = resolver.sameAs.rewriteBlock(checked);
    const unknown = response.targets.filter((target) => resolver.kindOf(target) === undefined);
    if (unknown.length > 0) await resolver.lookUp(unknown);
    const kinds: NodeKind[] = [];
    for (const target of response.targets) {
      const known = resolver.kindOf(target);
      if (!known) return false;
      kinds.push(known.kind);
    }
    const statements: string[] = [];
    for (const group of response.links) {
      const kind = kinds[group.target] as NodeKind;
      const link = (LINK_FIELDS[group.link] as (typeof LINK_FIELDS)[number])[0];
      if (!linkAllowed(link, kind)) return false;
      statements.push(statisticCopyStatementName(link, kind));
    }
    // New, and not repeated: checked before anything is recorded, so a block that fails leaves no trace.
    if (!repeats.allNew(response.packedMeta)) return false;
    if (this.options.storedStatistics > 0) {
      const ids = response.packedIds.split('\n');
      for (let i = 0; i < ids.length; i += 5000) {
        if ((await this.store.read(findStatistics, { ids: ids.slice(i, i + 5000) })).length > 0) return false;
      }
    }
    repeats.addAll(response.packedMeta, file);
    this.report.nodes.Statistic.created += response.packedMeta.length / 4;
    if (staging && this.report.problemCount === 0) {
      await staging.append(copyStatistics.name, response.packed);
      for (let i = 0; i < response.links.length; i += 1) {
        await staging.append(
          statements[i] as string,
          (response.links[i] as CheckResponse['links'][number]).lines,
        );
      }
    }
    return true;
  }

  private planNodes(
    given: readonly Extract<Valid, { type: 'node' }>[],
    storedNodes: ReadonlyMap<string, GraphNode>,
    plan: WritePlan,
  ): void {
    // `sameAs` records after the others: the node they are merged into may be one of this batch.
    const items = given.some((item) => item.mergedFrom !== undefined)
      ? [...given.filter((item) => !item.mergedFrom), ...given.filter((item) => item.mergedFrom)]
      : given;
    for (const item of items) {
      const stored = storedNodes.get(item.id);
      // The row this change already writes for the node (only a `sameAs` record meets one).
      const earlier = item.kind === 'Source' ? undefined : this.planned.get(item.id);
      const where = {
        file: this.report.fileName(item.at.file),
        line: item.at.line,
        record: item.mergedFrom ?? item.id,
        field: 'id',
      };
      if (stored && stored.kind !== item.kind) {
        this.report.problem({ ...where, message: `"${item.id}" is already a ${stored.kind} in the store` });
        continue;
      }
      const counts = this.report.nodes[item.kind];
      if (stored && item.ensure) {
        counts.unchanged += 1;
        continue;
      }
      if (!stored && !earlier && item.patch) {
        // Leaves out what a new node needs: it can only amend a node the graph has.
        const needs = fieldsOf(item.kind).filter((field) => !item.given.includes(field) && field !== 'id');
        this.report.problem({
          ...where,
          message:
            `"${item.id}" is not in the graph, and a new ${item.kind} needs every required field ` +
            `(this record leaves out some of: ${needs.join(', ')}); check the id, or give the whole record`,
        });
        continue;
      }
      if (item.mergedFrom !== undefined) {
        this.report.merged({
          kind: item.kind,
          id: item.mergedFrom,
          into: item.id,
          file: where.file,
          line: item.at.line,
        });
      }
      let row = item.row;
      const base = earlier ?? (stored ? rowOfNode(stored) : undefined);
      if (base) {
        const merged = mergeNode(item.kind, base, item, this.options.replaceEntities);
        if (merged.changes.length === 0) {
          if (!earlier) counts.unchanged += 1;
          continue;
        }
        row = merged.row;
        this.report.changed(item.kind, item.id, merged.changes, item.mergedFrom);
        // A node this change writes already is counted, and undone, once.
        if (!earlier) {
          counts.updated += 1;
          plan.undo?.nodes.push({ kind: item.kind, row: base });
        } else if (!stored) this.renamed(item.id, row);
      } else {
        counts.created += 1;
        plan.undo?.createdNodes.push(item.id);
        if (item.kind !== 'Source' && !item.ensure) {
          this.newIndex.set(item.id, this.newEntities.length);
          this.newEntities.push({
            kind: item.kind,
            id: item.id,
            names: namesOf(row),
            file: where.file,
            line: item.at.line,
          });
        }
      }
      if (item.kind !== 'Source') this.planned.set(item.id, row);
      const rows = plan.upserts[item.kind] ?? [];
      rows.push(row);
      plan.upserts[item.kind] = rows;
    }
  }

  /** A new entity of the change that a `sameAs` record added to: its names, for the duplicate check. */
  private renamed(id: string, row: WriteRow): void {
    const index = this.newIndex.get(id);
    const entity = index === undefined ? undefined : this.newEntities[index];
    if (index !== undefined && entity) this.newEntities[index] = { ...entity, names: namesOf(row) };
  }

  private async planStatistics(
    items: readonly Extract<Valid, { type: 'statistic' }>[],
    plan: WritePlan,
  ): Promise<void> {
    if (items.length === 0) return;
    const stored = new Map<string, GraphNode>();
    if (this.options.storedStatistics > 0) {
      const ids = items.map((item) => item.id);
      for (let i = 0; i < ids.length; i += 5000) {
        for (const row of await this.store.read(findStatistics, { ids: ids.slice(i, i + 5000) })) {
          stored.set(row.id, row.node);
        }
      }
    }
    const counts = this.report.nodes.Statistic;
    for (const item of items) {
      const before = stored.get(item.id);
      if (before && holds(before.properties, rowOf(item))) {
        counts.unchanged += 1;
        continue;
      }
      const packed = before ? null : item.packed;
      if (packed !== null) {
        counts.created += 1;
        plan.undo?.createdNodes.push(item.id);
        plan.inserted.push(packed);
        const kinds = item.kinds ?? this.resolver.kindsOf(item.targets);
        for (let i = 0; i < LINK_FIELDS.length; i += 1) {
          const target = item.targets[i];
          const kind = kinds[i];
          const [link] = LINK_FIELDS[i] as (typeof LINK_FIELDS)[number];
          if (typeof target === 'string' && kind)
            append(plan.insertedLinks, linkName(link, kind), linkLine(item.id, target));
        }
        continue;
      }
      if (before) {
        counts.updated += 1;
        plan.undo?.nodes.push({ kind: 'Statistic', row: rowOfNode(before) });
        plan.unlink.push(item.id);
      } else {
        counts.created += 1;
        plan.undo?.createdNodes.push(item.id);
      }
      const { changePercent, changeComparedTo, ...row } = rowOf(item);
      plan.statistics.push(row);
      if (changePercent !== null && changePercent !== undefined) {
        plan.changes.push({ id: item.id, changePercent, changeComparedTo: changeComparedTo ?? null });
      }
      for (let i = 0; i < STATISTIC_LINK_FIELDS.length; i += 1) {
        const target = item.targets[i];
        const [link] = STATISTIC_LINK_FIELDS[i] as (typeof STATISTIC_LINK_FIELDS)[number];
        if (typeof target !== 'string') continue;
        const kind = this.resolver.targetKind(target);
        if (linkAllowed(link, kind)) {
          push(plan.statisticLinks, statisticLinkStatementName(link, kind), { id: item.id, target });
        }
      }
    }
  }

  private async planClaims(
    items: readonly Extract<Valid, { type: 'claim' }>[],
    plan: WritePlan,
  ): Promise<void> {
    if (items.length === 0) return;
    const existing = new Map<string, Readonly<Record<string, StoreValue>>>();
    if (this.options.storedClaims > 0) {
      // Each claim's start is an entity whose kind the batch's checks have resolved.
      const fromsByKind = new Map<NodeKind, Set<string>>();
      for (const { record } of items) {
        const kind = this.resolver.kindOf(record.from)?.kind;
        if (kind) fromsByKind.set(kind, (fromsByKind.get(kind) ?? new Set()).add(record.from));
      }
      for (const [kind, froms] of fromsByKind) {
        const ids = [...froms];
        for (let i = 0; i < ids.length; i += 2000) {
          for (const edge of await outgoingClaims(this.store, kind, ids.slice(i, i + 2000))) {
            const source = edge.properties.source;
            if (typeof source === 'string')
              existing.set(`${edge.type}|${edge.startId}|${edge.endId}|${source}`, edge.properties);
          }
        }
      }
    }
    const counts = this.report.relationships;
    for (const item of items) {
      const claim = item.record;
      if (claim.type === 'LOCATED_IN') {
        this.locations.set(claim.from, (this.locations.get(claim.from) ?? new Set()).add(claim.to));
      }
      const row = claimRow(claim, this.resolver.kindOf(claim.source)?.published ?? null);
      const before = existing.get(`${claim.type}|${claim.from}|${claim.to}|${claim.source}`);
      const { from: _from, to: _to, ...properties } = row;
      if (before && holds(before, properties)) {
        counts.unchanged += 1;
        continue;
      }
      const statement = claimStatementName(
        claim.type as RelationshipType,
        this.resolver.targetKind(claim.from),
        this.resolver.targetKind(claim.to),
      );
      const ends = { from: claim.from, to: claim.to, source: claim.source };
      if (before) {
        counts.updated += 1;
        const text = (field: string): string | null => (before[field] as string | null | undefined) ?? null;
        plan.undo?.claims.push({
          statement,
          row: {
            ...ends,
            asOf: text('asOf'),
            role: text('role'),
            since: text('since'),
            until: text('until'),
            note: text('note'),
          },
        });
      } else {
        counts.created += 1;
        plan.undo?.createdClaims.push({ kind: claim.type, ...ends });
      }
      push(plan.claims, statement, row);
    }
  }
}
