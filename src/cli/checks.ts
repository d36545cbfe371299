import { factFieldsOf, inputOfFacts, sourcesProperty, storedFacts, valuesProperty } from '../domain/facts.js';
import type { NodeKind } from '../domain/kinds.js';
import { ValidationError } from '../import/problems.js';
import { ImportError } from '../records/errors.js';
import { StoreError } from '../store/errors.js';
import { METRIC_NAMES, isMetric } from '../domain/metrics.js';
import { parsePeriod } from '../domain/period.js';
import { findNodes } from '../store/find-nodes.js';
import type { GraphStore } from '../store/graph-store.js';
import type { GraphNode } from '../store/values.js';
import { closestNames, suggestNodes } from '../search/suggest.js';
import { DEFAULT_LIMITS, MAX_SEARCH_TEXT } from '../limits/query-limits.js';
import { searchNodes as findSearchHits, searchTerm, searchTextProblem } from '../search/search.js';

/**
 * The checks the CLI runs on its arguments before answering, so that a typo never answers an
 * empty list in silence: the same messages as the API's BAD_USER_INPUT errors (metric, period),
 * and for ids, whether the id exists, is of the kind the command needs, and which ids are close.
 */

/** A mistake in what the user typed: printed as a message, exit code 1, no stack trace. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/**
 * What a command that failed prints: the message of a failure the user can act on (their input,
 * their data, the store), the stack of anything else (a bug, to report).
 */
export function failureMessage(error: unknown): string {
  if (
    error instanceof ValidationError ||
    error instanceof StoreError ||
    error instanceof UsageError ||
    error instanceof ImportError
  ) {
    return error.message;
  }
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

/** The closest of `candidates` to `text` (case ignored), when it is close enough to be a likely typo. */
function closest(text: string, candidates: readonly string[]): string | undefined {
  return closestNames(text, candidates, 1)[0];
}

/** The API's check of a metric name (BAD_USER_INPUT "metric: … is not a known metric"), with the closest name. */
export function checkMetric(metric: string | undefined): void {
  if (metric === undefined || isMetric(metric)) return;
  const near = closest(metric, METRIC_NAMES);
  throw new UsageError(
    `metric: "${metric}" is not a known metric (see the metrics query)` +
      (near ? `; did you mean "${near}"?` : `; known metrics: ${METRIC_NAMES.join(', ')}`),
  );
}

/** The API's check of a period label (BAD_USER_INPUT "period: …"), naming the forms accepted. */
export function checkPeriod(label: string | undefined, argument: string): void {
  if (label === undefined) return;
  const period = parsePeriod(label);
  if (typeof period === 'string') throw new UsageError(`${argument}: ${period}`);
}

export interface Suggestion {
  readonly id: string;
  readonly kind: string;
  readonly name: string;
}

/** Nodes whose id, name or alias match `text`, best first: the API's `search` (same checks, same read). */
export async function searchNodes(
  store: GraphStore,
  text: string,
  options: { readonly kinds?: readonly NodeKind[]; readonly first?: number } = {},
): Promise<{ readonly node: Suggestion; readonly score: number }[]> {
  const problem = searchTextProblem(text, MAX_SEARCH_TEXT);
  if (problem !== null) throw new UsageError(problem);
  const first = options.first ?? 20;
  if (!Number.isInteger(first) || first < 1 || first > DEFAULT_LIMITS.maxFirst) {
    throw new UsageError(`--first: give a whole number from 1 to ${DEFAULT_LIMITS.maxFirst} (got ${first})`);
  }
  const hits = await findSearchHits(store, searchTerm(text), { kinds: options.kinds ?? [], limit: first });
  return hits.map((hit) => ({
    score: hit.score,
    node: {
      id: hit.node.id,
      kind: hit.node.kind,
      name: String(hit.node.properties.name ?? hit.node.properties.title ?? hit.node.id),
    },
  }));
}

/** "did you mean …?" for an id the graph does not have: the API's suggestions (suggestNodes), best first. */
async function suggestionsFor(store: GraphStore, id: string, kinds?: readonly NodeKind[]): Promise<string> {
  const shown = (await suggestNodes(store, id, kinds ?? [], 3)).map((hit) => hit.node);
  if (shown.length === 0) return `; try: tradegraph search ${JSON.stringify(id)}`;
  const label = (name: string): string => (name.length > 60 ? `${name.slice(0, 57)}…` : name);
  return `; did you mean ${shown
    .map(
      (node) =>
        `"${node.id}" (${node.kind}, ${label(String(node.properties.name ?? node.properties.title ?? node.id))})`,
    )
    .join(' or ')}?`;
}

/**
 * The node with this id, which must be one of `kinds` (any kind when none given); otherwise a
 * UsageError naming the id, what it is, and the close matches.
 */
export async function requireNode(
  store: GraphStore,
  id: string,
  kinds: readonly NodeKind[] = [],
  what = 'node',
): Promise<GraphNode> {
  const node = (await findNodes(store, [id])).get(id);
  if (node && (kinds.length === 0 || kinds.includes(node.kind))) return node;
  if (node) {
    throw new UsageError(
      `"${id}" is a ${node.kind}, not ${kinds.map((kind) => `a ${kind}`).join(' or ')}` +
        (await suggestionsFor(store, id, kinds)),
    );
  }
  throw new UsageError(
    `no ${what} with id "${id}"` + (await suggestionsFor(store, id, kinds.length ? kinds : undefined)),
  );
}

/** Properties the store keeps for itself (search text), not facts: `show` leaves them out. */
export const INTERNAL_PROPERTIES: readonly string[] = ['searchText'];

/** A node as `show` prints it: kind, id and its facts, without internal bookkeeping or repeats. */
export function shownNode(node: GraphNode): Record<string, unknown> {
  const facts: Record<string, unknown> = {};
  const dated = factFieldsOf(node.kind);
  const lists = new Set(dated.flatMap((field) => [valuesProperty(field), sourcesProperty(field)]));
  for (const [key, value] of Object.entries(node.properties)) {
    if (INTERNAL_PROPERTIES.includes(key) || key === 'id' || key === 'kind' || lists.has(key)) continue;
    if (value === null || (Array.isArray(value) && value.length === 0)) continue;
    facts[key] = value;
  }
  // Dated facts as a record gives them: one date, or each with its source.
  for (const field of dated) {
    const value = inputOfFacts(storedFacts(node.properties, field));
    if (value !== undefined) facts[field] = value;
  }
  return { kind: node.kind, id: node.id, ...facts };
}
