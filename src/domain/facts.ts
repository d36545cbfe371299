import type { NodeKind } from './kinds.js';
import { parsePeriod, type Granularity } from './period.js';

/*
 * Dated facts on entities that sources may state differently: a plant's opening date, an
 * association's founding, a policy's start and end. Each fact is one value as one source states
 * it, so two sources' dates stand side by side (as relationship claims and statistics do).
 *
 * A fact without a source comes from a record in the old form (`opened: "2009"`): it rests on the
 * entity record's own `sources`. On a node the facts of a field are two parallel lists,
 * `<field>Values` and `<field>Sources` (`''` where no source is named), which both engines hold.
 */

export const FACT_FIELDS = {
  Plant: ['opened'],
  Association: ['founded'],
  Policy: ['startDate', 'endDate'],
} as const satisfies Partial<Record<NodeKind, readonly string[]>>;

export type FactKind = keyof typeof FACT_FIELDS;
export type FactField = (typeof FACT_FIELDS)[FactKind][number];

const FIELD_NAMES: ReadonlySet<string> = new Set(Object.values(FACT_FIELDS).flat());

export function isFactField(name: string): name is FactField {
  return FIELD_NAMES.has(name);
}

/** The fact fields of a kind (none for most kinds). */
export function factFieldsOf(kind: string): readonly FactField[] {
  return (FACT_FIELDS as Partial<Record<string, readonly FactField[]>>)[kind] ?? [];
}

/** The node properties that hold a field's facts. */
export const valuesProperty = (field: FactField): string => `${field}Values`;
export const sourcesProperty = (field: FactField): string => `${field}Sources`;
/** The CSV column that names the source of each of a field's values (`openedSource`). */
export const sourceColumn = (field: FactField): string => `${field}Source`;

/** One value of a field as one source states it; `source` null: the entity record's own sources. */
export interface Fact {
  readonly value: string;
  readonly source: string | null;
}

/** A field's value in a record: the old form (one value) or one `{ value, source }` per source. */
export type FactInput = string | readonly { readonly value: string; readonly source?: string | undefined }[];

/** A record's value of a fact field as facts (none when the record leaves it out). */
export function factsOfInput(input: FactInput | null | undefined): Fact[] {
  if (input === null || input === undefined) return [];
  if (typeof input === 'string') return [{ value: input, source: null }];
  return sortFacts(input.map((item) => ({ value: item.value, source: item.source ?? null })));
}

/** The Sources a record's dated facts name, each with the field that names it (`opened.1.source`). */
export function factSourceRefs(record: Readonly<Record<string, unknown>>): { field: string; id: string }[] {
  const refs: { field: string; id: string }[] = [];
  for (const [field, value] of Object.entries(record)) {
    if (!isFactField(field) || !Array.isArray(value)) continue;
    (value as { source?: string }[]).forEach((item, i) => {
      if (item.source !== undefined) refs.push({ field: `${field}.${i}.source`, id: item.source });
    });
  }
  return refs;
}

/** Facts as a record gives them: one value without a source in the old form, else the list. */
export function inputOfFacts(facts: readonly Fact[]): FactInput | undefined {
  if (facts.length === 0) return undefined;
  const [only] = facts;
  if (facts.length === 1 && only !== undefined && only.source === null) return only.value;
  return facts.map((fact) =>
    fact.source === null ? { value: fact.value } : { value: fact.value, source: fact.source },
  );
}

/** Facts in one order whatever order they were added in: unsourced first, then by source id. */
export function sortFacts(facts: readonly Fact[]): Fact[] {
  return facts
    .slice()
    .sort((a, b) => (a.source ?? '').localeCompare(b.source ?? '') || a.value.localeCompare(b.value));
}

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];

/** The facts of a field held by a node's properties. */
export function storedFacts(properties: Readonly<Record<string, unknown>>, field: FactField): Fact[] {
  const values = strings(properties[valuesProperty(field)]);
  const sources = strings(properties[sourcesProperty(field)]);
  return values.map((value, i) => ({ value, source: sources[i] ? (sources[i] as string) : null }));
}

/** The two node properties that hold a field's facts. */
export function factProperties(field: FactField, facts: readonly Fact[]): Record<string, string[]> {
  const sorted = sortFacts(facts);
  return {
    [valuesProperty(field)]: sorted.map((fact) => fact.value),
    [sourcesProperty(field)]: sorted.map((fact) => fact.source ?? ''),
  };
}

/**
 * Adds facts to those stored: a source states one value of a field, so a fact from a source the
 * node has replaces that source's value (the same value: nothing changes); another source's fact
 * is added beside the others. Adding never removes another source's fact.
 */
export function mergeFacts(stored: readonly Fact[], added: readonly Fact[]): Fact[] {
  const bySource = new Map<string | null, Fact>(stored.map((fact) => [fact.source, fact]));
  for (const fact of added) bySource.set(fact.source, fact);
  return sortFacts([...bySource.values()]);
}

/** A fact in words, for previews: `2009`, or `2010-03 (a002-source)`. */
export function factText(fact: Fact): string {
  return fact.source === null ? fact.value : `${fact.value} (${fact.source})`;
}

/**
 * The one value the API's scalar field answers: the date any source gives that starts earliest,
 * the more precise of two that start on the same day (`2026-07-01` before `2026-07`); the only
 * one when the sources agree.
 */
export function earliestValue(facts: readonly Fact[]): string | null {
  let earliest: { value: string; start: string; end: string } | null = null;
  for (const { value } of facts) {
    const span = factSpan(value) ?? { start: value, end: value };
    if (
      earliest === null ||
      span.start < earliest.start ||
      (span.start === earliest.start && span.end < earliest.end)
    )
      earliest = { value, start: span.start, end: span.end };
  }
  return earliest?.value ?? null;
}

/** The span of days a dated value covers, and how precise it is. */
export function factSpan(value: string): { start: string; end: string; precision: Granularity } | null {
  const period = parsePeriod(value);
  return typeof period === 'string'
    ? null
    : { start: period.start, end: period.end, precision: period.granularity };
}

/** Two sources' differing values of one field of one entity. */
export interface FactConflict {
  readonly field: FactField;
  /** The pair, unsourced first, then by source id. */
  readonly a: Fact;
  readonly b: Fact;
  /** `contradiction`: the two dates' spans do not meet; `precision`: one lies within the other (`2019`, `2019-03`). */
  readonly kind: 'contradiction' | 'precision';
}

/** Every pair of a field's facts from different sources that state different values. */
export function factConflicts(field: FactField, facts: readonly Fact[]): FactConflict[] {
  const sorted = sortFacts(facts);
  const conflicts: FactConflict[] = [];
  for (let i = 0; i < sorted.length; i += 1) {
    for (let j = i + 1; j < sorted.length; j += 1) {
      const a = sorted[i] as Fact;
      const b = sorted[j] as Fact;
      if (a.source === b.source || a.value === b.value) continue;
      const x = factSpan(a.value);
      const y = factSpan(b.value);
      const meet = x !== null && y !== null && x.start <= y.end && y.start <= x.end;
      conflicts.push({ field, a, b, kind: meet ? 'precision' : 'contradiction' });
    }
  }
  return conflicts;
}
