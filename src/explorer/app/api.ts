/** The explorer talks to the public GraphQL API only: POST /graphql on the server that served it. */
import { ENTITY_QUERY, REF, SOURCE_FIELDS } from './entity-query.mjs';

export { ENTITY_QUERY, SOURCE_FIELDS };

export interface GraphQLErrorShape {
  readonly message: string;
  readonly extensions?: { readonly code?: string };
}

export class ApiError extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

type Answer<T> = { data?: T; errors?: GraphQLErrorShape[] };

export async function graphql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  let body: Answer<T>;
  try {
    body = (await response.json()) as Answer<T>;
  } catch {
    throw new ApiError(`The server answered ${response.status} without JSON`);
  }
  return dataOf(body, response.status);
}

function dataOf<T>(body: Answer<T>, status: number): T {
  if (body.errors?.length) {
    const first = body.errors[0];
    throw new ApiError(body.errors.map((error) => error.message).join('; '), first?.extensions?.code);
  }
  if (!body.data) throw new ApiError(`The server answered ${status} without data`);
  return body.data;
}

/**
 * The entity's first answer, requested by the inline script in index.html before this bundle ran
 * (see vite.config.mts); used once, for the page first opened, else asked for now.
 */
export function entityAnswer<T>(id: string, query: string): Promise<T> {
  const holder = window as unknown as { tradegraphEarly?: { id: string; answer: Promise<Answer<T>> } };
  const early = holder.tradegraphEarly;
  if (early && early.id === id) {
    holder.tradegraphEarly = undefined;
    return early.answer.then((body) => dataOf(body, 200)).catch(() => graphql<T>(query, { id }));
  }
  return graphql<T>(query, { id });
}

export type Kind =
  | 'Agency'
  | 'Association'
  | 'Company'
  | 'Country'
  | 'Person'
  | 'Plant'
  | 'Policy'
  | 'Region'
  | 'Sector'
  | 'Source'
  | 'Statistic';

export interface Source {
  readonly id: string;
  readonly title: string;
  readonly publisher: string;
  readonly published: string | null;
  readonly url: string;
  readonly language: string;
}

export interface EntityRef {
  readonly id: string;
  readonly name: string;
  readonly kind: Kind;
}

export interface Claim {
  readonly asOf: string | null;
  readonly note: string | null;
  readonly role: string | null;
  readonly since: string | null;
  readonly until: string | null;
  readonly source: Source | null;
}

export interface Relation {
  readonly type: string;
  readonly direction: 'IN' | 'OUT' | 'BOTH';
  readonly node: EntityRef;
  readonly claims: readonly Claim[];
}

export interface Period {
  readonly label: string;
  readonly start: string;
  readonly end: string;
  readonly granularity: string;
}

/** How precisely a source states a figure (the API's Qualifier). */
export type Qualifier = 'EXACT' | 'APPROXIMATE' | 'LOWER_BOUND' | 'UPPER_BOUND' | 'RANGE';

export interface Statistic {
  readonly id: string;
  readonly metric: string;
  readonly value: number;
  readonly qualifier: Qualifier;
  readonly low: number | null;
  readonly high: number | null;
  /** The figure in words, as precise as its source: "about 30", "more than 200,000". */
  readonly stated: string;
  readonly periodStated: boolean;
  readonly unit: string;
  readonly period: Period;
  readonly coverage: string;
  readonly scope: string | null;
  readonly subject: EntityRef | null;
  readonly destination: EntityRef | null;
  readonly origin: EntityRef | null;
  readonly sector: EntityRef | null;
  readonly reportedChangePercent: number | null;
  readonly changeComparedTo: string | null;
  readonly computedChange: {
    readonly percent: number;
    readonly comparedTo: { readonly period: { readonly label: string } };
  } | null;
  readonly source: Source | null;
}

/** One source's date of an entity (when a plant opened, …); `sourceId` null: the entity's own sources. */
export interface DatedFact {
  readonly value: string;
  readonly sourceId: string | null;
}

export interface Entity extends EntityRef {
  readonly aliases: readonly string[];
  readonly description: string | null;
  readonly wikidata: string | null;
  readonly companyType?: string;
  readonly facilityType?: string;
  readonly opened?: string | null;
  readonly openedFacts?: readonly DatedFact[];
  readonly products?: readonly string[];
  readonly policyType?: string;
  readonly startDate?: string | null;
  readonly startDateFacts?: readonly DatedFact[];
  readonly endDate?: string | null;
  readonly endDateFacts?: readonly DatedFact[];
  readonly regionType?: string;
  readonly hsCodes?: readonly string[];
  readonly naicsCodes?: readonly string[];
  readonly founded?: string | null;
  readonly foundedFacts?: readonly DatedFact[];
  readonly nameEn?: string | null;
  readonly nameEs?: string | null;
  readonly relations: readonly Relation[];
}

export interface Edge {
  readonly type: string;
  readonly fromId: string;
  readonly toId: string;
  readonly asOf: string | null;
  readonly note: string | null;
  readonly source: Source | null;
}

export const STATISTIC_FIELDS = `id metric value unit qualifier low high stated periodStated
  period { label start end granularity } coverage scope
  subject { ${REF} } destination { ${REF} } origin { ${REF} } sector { ${REF} }
  reportedChangePercent changeComparedTo computedChange { percent comparedTo { period { label } } }
  source { ${SOURCE_FIELDS} }`;

/** Asked separately: statistics with their computed changes take longer, and the page paints without them. */
export const ENTITY_STATISTICS_QUERY = `query EntityStatistics($id: ID!) {
  entity(id: $id) { id statistics { ${STATISTIC_FIELDS} } }
}`;

export const SEARCH_QUERY = `query Search($text: String!, $first: Int) {
  search(text: $text, first: $first) {
    score
    node { id __typename ... on Entity { name kind aliases description } ... on Source { title publisher } }
  }
}`;

export interface SearchHit {
  readonly score: number;
  readonly node: {
    readonly id: string;
    readonly __typename: string;
    readonly name?: string;
    readonly kind?: Kind;
    readonly aliases?: readonly string[];
    readonly description?: string | null;
    readonly title?: string;
    readonly publisher?: string;
  };
}

export const NEIGHBOURS_QUERY = `query Neighbours($id: ID!, $depth: Int!) {
  neighbours(id: $id, depth: $depth, first: 150) {
    truncated
    nodes { ${REF} }
    edges { type fromId toId asOf note source { ${SOURCE_FIELDS} } }
  }
}`;

export interface Neighbourhood {
  readonly truncated: boolean;
  readonly nodes: readonly EntityRef[];
  readonly edges: readonly Edge[];
}

export const PATHS_QUERY = `query Paths($from: ID!, $to: ID!) {
  paths(from: $from, to: $to, first: 50) {
    length
    nodes { ${REF} }
    edges { type fromId toId asOf note source { ${SOURCE_FIELDS} } }
  }
}`;

export interface Path {
  readonly length: number;
  readonly nodes: readonly EntityRef[];
  readonly edges: readonly Edge[];
}

export const SERIES_QUERY = `query Series($subject: ID!, $metric: String!) {
  statistics(subjects: [$subject], metric: $metric) { ${STATISTIC_FIELDS} }
}`;

export const RANKING_QUERY = `query Ranking($input: RankingInput!) {
  ranking(input: $input) {
    metric period destination
    rows {
      rank subject { ${REF} } value unit qualifier low high note rankUncertain coverage broaderThanAsked sourcesDisagree
      statistics { ${STATISTIC_FIELDS} }
    }
    context { ${STATISTIC_FIELDS} }
    notes
  }
}`;

export interface RankingRow {
  readonly rank: number;
  readonly subject: EntityRef | null;
  readonly value: number;
  readonly unit: string;
  readonly qualifier: Qualifier;
  readonly low: number | null;
  readonly high: number | null;
  readonly note: string | null;
  readonly rankUncertain: boolean;
  readonly coverage: string;
  readonly broaderThanAsked: boolean;
  readonly sourcesDisagree: boolean;
  readonly statistics: readonly Statistic[];
}

export interface Ranking {
  readonly metric: string;
  readonly period: string;
  readonly destination: string | null;
  readonly rows: readonly RankingRow[];
  readonly context: readonly Statistic[];
  readonly notes: readonly string[];
}

export const FORM_CHOICES_QUERY = `query Choices {
  associations(first: 200) { edges { node { id name } } }
  metrics { name description units }
}`;

export interface FormChoices {
  readonly associations: {
    readonly edges: readonly { readonly node: { readonly id: string; readonly name: string } }[];
  };
  readonly metrics: readonly {
    readonly name: string;
    readonly description: string;
    readonly units: readonly string[];
  }[];
}
