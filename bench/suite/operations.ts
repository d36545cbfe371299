/**
 * The fixed operations of the suite, as GraphQL documents parameterised by the generator's probes,
 * each with the hand-written Cypher query (bench/cypher/) that gives the same answer straight from
 * the store: the floor it is measured against.
 */
import { Kind, parse, type SelectionSetNode } from 'graphql';
import { foldForSearch } from '../../src/domain/normalize';
import type { Params } from '../../src/store/values';
import type { Probes } from './dataset';

export interface Operation {
  readonly name: string;
  readonly description: string;
  readonly query: string;
  readonly variables: Record<string, string>;
  /** Lookups by indexed id whose cost should not grow with the graph (target: p50 at L within 2× of S). */
  readonly indexBacked: boolean;
  /**
   * The floor: `bench/cypher/<statement>.cypher` with these parameters. When several queries give
   * the answer (one pass over the statistics, or a walk from the members: which is faster depends
   * on the scale), the fastest is the floor.
   */
  readonly floors: readonly { readonly statement: string; readonly params: Params }[];
}

/** The HTTP + GraphQL stack alone. */
export const STACK_FLOOR = { name: 'stack floor', query: '{ __typename }' } as const;

export function operations(p: Probes): Operation[] {
  const nestedPeriod = p.period;
  return [
    {
      name: 'lookup',
      description: 'a company by id, with its sources',
      query: `query Lookup($id: ID!) { company(id: $id) { id name aliases companyType sources { title } } }`,
      variables: { id: p.company },
      indexBacked: true,
      floors: [{ statement: 'floor-lookup', params: { id: p.company } }],
    },
    {
      name: 'search',
      description: 'entities by name, first 10',
      query: `query Search($text: String!) { search(text: $text, first: 10) { score node { id ... on Entity { name kind } } } }`,
      variables: { text: p.searchText },
      indexBacked: false,
      floors: [{ statement: 'floor-search', params: searchParams(p.searchText) }],
    },
    {
      name: 'members',
      description: "an association's members, with each claim's source",
      query: `query Members($id: ID!) { association(id: $id) { name members { node { id name } claims { asOf source { title } } } } }`,
      variables: { id: p.association },
      indexBacked: true,
      floors: [{ statement: 'floor-members', params: { id: p.association } }],
    },
    {
      name: 'ranking',
      description: 'members of an association ranked by exports to one destination in a period',
      query: `query Ranking($association: ID!, $destination: ID!, $period: String!) {
  ranking(input: { membersOf: $association, metric: "exports", period: $period, destination: $destination }) {
    rows { rank subject { id name } value unit coverage broaderThanAsked sourcesDisagree
      statistics { id value coverage source { title publisher } } }
    context { subject { id } metric value unit coverage }
    notes
  }
}`,
      variables: { association: p.association, destination: p.destination, period: p.period },
      indexBacked: false,
      floors: ['floor-ranking-scan', 'floor-ranking-walk'].map((statement) => ({
        statement,
        params: {
          association: p.association,
          destination: p.destination,
          period: p.period,
          metric: 'exports',
        },
      })),
    },
    {
      name: 'time series',
      description: '12 months of one metric of one subject',
      query: `query TimeSeries($subject: ID!, $metric: String!, $within: String!) {
  statistics(subjects: [$subject], metric: $metric, within: $within) {
    period { label } value unit coverage destination { id } source { title }
  }
}`,
      variables: {
        subject: p.timeSeriesSubject,
        metric: p.timeSeriesMetric,
        within: `${p.timeSeriesFrom}/${p.timeSeriesTo}`,
      },
      indexBacked: true,
      floors: [
        {
          statement: 'floor-time-series',
          params: {
            subject: p.timeSeriesSubject,
            metric: p.timeSeriesMetric,
            from: `${p.timeSeriesFrom}-01`,
            to: lastDayOf(p.timeSeriesTo),
          },
        },
      ],
    },
    {
      name: 'nested',
      description: "association → members → their exports in a period → each figure's destination",
      query: `query Nested($id: ID!, $period: String!) {
  association(id: $id) {
    members { node { name statistics(metric: "exports", period: $period) { value destination { id name } source { title } } } }
  }
}`,
      variables: { id: p.association, period: nestedPeriod },
      indexBacked: false,
      floors: ['floor-nested-scan', 'floor-nested-walk'].map((statement) => ({
        statement,
        params: { id: p.association, period: nestedPeriod, metric: 'exports' },
      })),
    },
    {
      name: 'path',
      description: 'shortest paths of up to 3 hops between two entities, first 5',
      query: `query Path($from: ID!, $to: ID!) {
  paths(from: $from, to: $to, maxLength: 3, first: 5) {
    length nodes { id name } edges { type fromId toId source { title } }
  }
}`,
      variables: { from: p.pathFrom, to: p.pathTo },
      indexBacked: false,
      floors: [{ statement: 'floor-path', params: { from: p.pathFrom, to: p.pathTo } }],
    },
  ];
}

/** What the search resolver sends the store for a text (see src/search/search.ts). */
function searchParams(text: string): Params {
  const term = foldForSearch(text);
  return { term, exact: `|${term}|`, prefix: `|${term}`, wordStart: ` ${term}` };
}

/** `2025-12` → `2025-12-31`. */
function lastDayOf(month: string): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const day = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return `${month}-${String(day).padStart(2, '0')}`;
}

/**
 * How deep an operation nests: the most fields with selections of their own on one path
 * (`{ __typename }` is 0, `company { sources { title } }` is 2). Round trips to the store should
 * not exceed it, whatever the number of items at each level.
 */
export function nestingDepth(query: string): number {
  const depth = (set: SelectionSetNode | undefined): number => {
    if (!set) return 0;
    let most = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        most = Math.max(most, selection.selectionSet ? 1 + depth(selection.selectionSet) : 0);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        most = Math.max(most, depth(selection.selectionSet));
      }
    }
    return most;
  };
  let most = 0;
  for (const definition of parse(query).definitions) {
    if (definition.kind === Kind.OPERATION_DEFINITION) most = Math.max(most, depth(definition.selectionSet));
  }
  return most;
}
