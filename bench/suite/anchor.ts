/**
 * tradegraph-on-Neo4j against the anchor, @neo4j/graphql 7 over the same Neo4j database
 * (bench/neo4j-graphql/): the operations both can express, as a pair of GraphQL requests each,
 * and what each answer means as plain data, so that the two are compared before they are timed.
 */
import { graphql } from 'graphql';
import { countingStore } from './store';
import {
  countingDriver,
  neo4jGraphQLSchema,
  openDriver,
  type StatementCounter,
} from '../neo4j-graphql/schema';
import { createTradeGraph } from '../../src/trade-graph';
import { Neo4jStore } from '../../src/store/neo4j/neo4j-store';
import { CypherCatalog } from '../../src/store/cypher-catalog';
import { ALL_STATEMENTS } from '../../src/store/catalog';
import type { GraphQLRequest } from './http';
import type { Probes } from './dataset';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Answer = { [key: string]: Json };

export interface SharedOperation {
  readonly name: string;
  readonly description: string;
  readonly tradegraph: Required<GraphQLRequest>;
  readonly neo4jGraphQL: Required<GraphQLRequest>;
  /** Each side's answer as the same plain data (order fixed where the schema leaves it open). */
  readonly fromTradegraph: (data: Answer) => Json;
  readonly fromNeo4jGraphQL: (data: Answer) => Json;
}

const obj = (value: Json | undefined): Answer =>
  value && typeof value === 'object' && !Array.isArray(value) ? value : {};
const list = (value: Json | undefined): Json[] => (Array.isArray(value) ? value : []);
const str = (value: Json | undefined): string => (typeof value === 'string' ? value : String(value));
const byKey = <T>(items: T[], key: (item: T) => string): T[] =>
  [...items].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));

/** A figure as both sides give it: value, destination id (or null) and source title. */
function figure(value: number | Json, destination: string | null, source: Json | undefined): Json {
  return { value, destination, source: source ?? null };
}

/** Members of an association, each once, by id: @neo4j/graphql lists a member once per membership claim. */
function distinctById(items: Answer[]): Answer[] {
  const seen = new Map<string, Answer>();
  for (const item of items) if (!seen.has(str(item.id))) seen.set(str(item.id), item);
  return byKey([...seen.values()], (item) => str(item.id));
}

export function sharedOperations(p: Probes, members: readonly string[]): SharedOperation[] {
  const year = p.period.slice(0, 4);
  return [
    {
      name: 'lookup',
      description: 'a company by id, with the titles of its sources',
      tradegraph: {
        query: `query($id: ID!) { company(id: $id) { id name aliases companyType sources { title } } }`,
        variables: { id: p.company },
      },
      neo4jGraphQL: {
        query: `query($id: ID!) { companies(where: { id: { eq: $id } }) { id name aliases companyType sourceNodes { title } } }`,
        variables: { id: p.company },
      },
      fromTradegraph: (d) => {
        const c = obj(d.company);
        return {
          ...c,
          sources: list(c.sources)
            .map((s) => str(obj(s).title))
            .sort(),
        };
      },
      fromNeo4jGraphQL: (d) => {
        const c = obj(list(d.companies)[0]);
        const { sourceNodes, ...rest } = c;
        return {
          ...rest,
          aliases: c.aliases ?? [],
          sources: list(sourceNodes)
            .map((s) => str(obj(s).title))
            .sort(),
        };
      },
    },
    {
      name: 'member statistics',
      description: `an association's members with their exports in ${year} (value, unit, period)`,
      tradegraph: {
        query: `query($id: ID!, $within: String!) { association(id: $id) { members { node { id name statistics(metric: "exports", within: $within) { value unit period { label } } } } } }`,
        variables: { id: p.association, within: year },
      },
      neo4jGraphQL: {
        query: `query($id: ID!, $from: Date!, $to: Date!) { associations(where: { id: { eq: $id } }) { members { id name statistics(where: { metric: { eq: "exports" }, periodStart: { gte: $from }, periodEnd: { lte: $to } }) { value unit period } } } }`,
        variables: { id: p.association, from: `${year}-01-01`, to: `${year}-12-31` },
      },
      fromTradegraph: (d) =>
        distinctById(list(obj(d.association).members).map((m) => obj(obj(m).node))).map((m) => ({
          id: m.id ?? null,
          name: m.name ?? null,
          statistics: byKey(
            list(m.statistics).map(
              (s) => `${str(obj(obj(s).period).label)} ${str(obj(s).value)} ${str(obj(s).unit)}`,
            ),
            (x) => x,
          ),
        })),
      fromNeo4jGraphQL: (d) =>
        distinctById(list(obj(list(d.associations)[0]).members).map(obj)).map((m) => ({
          id: m.id ?? null,
          name: m.name ?? null,
          statistics: byKey(
            list(m.statistics).map((s) => `${str(obj(s).period)} ${str(obj(s).value)} ${str(obj(s).unit)}`),
            (x) => x,
          ),
        })),
    },
    {
      name: 'nested',
      description: "association → members → their exports in a month → each figure's destination and source",
      tradegraph: {
        query: `query($id: ID!, $period: String!) { association(id: $id) { members { node { id name statistics(metric: "exports", period: $period) { value destination { id ... on Entity { name } } source { title } } } } } }`,
        variables: { id: p.association, period: p.period },
      },
      neo4jGraphQL: {
        query: `query($id: ID!, $period: String!) { associations(where: { id: { eq: $id } }) { members { id name statistics(where: { metric: { eq: "exports" }, period: { eq: $period } }) { value destination { ... on Country { id name } ... on Region { id name } } source { title } } } } }`,
        variables: { id: p.association, period: p.period },
      },
      fromTradegraph: (d) =>
        distinctById(list(obj(d.association).members).map((m) => obj(obj(m).node))).map((m) => ({
          id: m.id ?? null,
          name: m.name ?? null,
          statistics: byKey(
            list(m.statistics).map((s) => {
              const destination = obj(s).destination;
              return figure(
                obj(s).value ?? null,
                destination ? `${str(obj(destination).id)} ${str(obj(destination).name)}` : null,
                obj(obj(s).source).title,
              );
            }),
            (x) => JSON.stringify(x),
          ),
        })),
      fromNeo4jGraphQL: (d) =>
        distinctById(list(obj(list(d.associations)[0]).members).map(obj)).map((m) => ({
          id: m.id ?? null,
          name: m.name ?? null,
          statistics: byKey(
            list(m.statistics).map((s) => {
              const destination = list(obj(s).destination)[0];
              return figure(
                obj(s).value ?? null,
                destination ? `${str(obj(destination).id)} ${str(obj(destination).name)}` : null,
                obj(list(obj(s).source)[0]).title,
              );
            }),
            (x) => JSON.stringify(x),
          ),
        })),
    },
    {
      name: 'sorted statistics',
      description: `exports to ${p.destination} in ${p.period} of given subjects (the association's members), by value`,
      tradegraph: {
        query: `query($subjects: [ID!]!, $period: String!, $destination: ID!) { ranking(input: { subjects: $subjects, metric: "exports", period: $period, destination: $destination }) { rows { subject { id } value unit broaderThanAsked } } }`,
        variables: { subjects: members, period: p.period, destination: p.destination },
      },
      neo4jGraphQL: {
        query: `query($subjects: [String!]!, $period: String!, $destination: String!) { statistics(where: { metric: { eq: "exports" }, period: { eq: $period }, destinationId: { eq: $destination }, subjectId: { in: $subjects } }, sort: [{ value: DESC }, { subjectId: ASC }]) { subjectId value unit } }`,
        variables: { subjects: members, period: p.period, destination: p.destination },
      },
      // Rows to the destination asked for; ties in value ordered by subject id on both sides.
      fromTradegraph: (d) =>
        list(obj(d.ranking).rows)
          .map(obj)
          .filter((r) => r.broaderThanAsked !== true)
          .map((r) => ({ subject: obj(r.subject).id ?? null, value: r.value ?? null, unit: r.unit ?? null }))
          .sort((a, b) => Number(b.value) - Number(a.value) || (str(a.subject) < str(b.subject) ? -1 : 1)),
      fromNeo4jGraphQL: (d) =>
        list(d.statistics)
          .map(obj)
          .map((r) => ({ subject: r.subjectId ?? null, value: r.value ?? null, unit: r.unit ?? null })),
    },
  ];
}

/** What @neo4j/graphql cannot express, for the report. */
export const NOT_EXPRESSIBLE =
  'the headline ranking (`ranking(input: { membersOf, metric, period, destination })`): membership read ' +
  'from claims (with `membersAsOf`), one row per member choosing its figure by scope (to the destination ' +
  'asked for, else its all-destinations figure marked `broaderThanAsked`, never presented as exports to ' +
  'that destination), ranks, `sourcesDisagree`, `coverage` and context rows; also search ranking, paths ' +
  'with cited edges and computed changes. @neo4j/graphql generates filters, sorting and nesting over ' +
  'stored properties and relationships; these need custom @cypher fields, i.e. hand-written Cypher.';

export async function postGraphQL(
  url: string,
  request: GraphQLRequest | SharedOperation['tradegraph'],
): Promise<Answer> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(request),
  });
  const body = (await response.json()) as { data?: Answer; errors?: unknown };
  if (response.status !== 200 || body.errors || !body.data) {
    throw new Error(`HTTP ${response.status} from ${url}: ${JSON.stringify(body).slice(0, 1500)}`);
  }
  return body.data;
}

/** The members of the probe association, by id (the subjects of `sorted statistics`). */
export async function membersOf(url: string, association: string): Promise<string[]> {
  const data = await postGraphQL(url, {
    query: `query($id: ID!) { association(id: $id) { members { node { id } } } }`,
    variables: { id: association },
  });
  return [...new Set(list(obj(data.association).members).map((m) => str(obj(obj(m).node).id)))].sort();
}

export interface AnswerCheck {
  readonly name: string;
  readonly same: boolean;
  readonly items: number;
  readonly tradegraph?: Json;
  readonly neo4jGraphQL?: Json;
}

function itemsOf(value: Json): number {
  if (!Array.isArray(value)) return 1;
  return value.reduce<number>(
    (sum, item) => sum + 1 + (Array.isArray(obj(item).statistics) ? list(obj(item).statistics).length : 0),
    0,
  );
}

/** Asks both servers each shared operation and compares the answers as plain data. */
export async function compareAnswers(
  tradegraphUrl: string,
  anchorUrl: string,
  shared: readonly SharedOperation[],
): Promise<AnswerCheck[]> {
  const checks: AnswerCheck[] = [];
  for (const operation of shared) {
    const ours = operation.fromTradegraph(await postGraphQL(tradegraphUrl, operation.tradegraph));
    const theirs = operation.fromNeo4jGraphQL(await postGraphQL(anchorUrl, operation.neo4jGraphQL));
    const same = JSON.stringify(ours) === JSON.stringify(theirs);
    checks.push({
      name: operation.name,
      same,
      items: itemsOf(ours),
      ...(same ? {} : { tradegraph: ours, neo4jGraphQL: theirs }),
    });
  }
  return checks;
}

export interface StatementCounts {
  readonly name: string;
  /** Cypher statements of a repeated (warm) execution: tradegraph's store calls, @neo4j/graphql's driver runs. */
  readonly tradegraph: number;
  readonly tradegraphStatements: readonly string[];
  readonly neo4jGraphQL: number;
}

/**
 * Statements per request, in-process on the same Neo4j: tradegraph through `createTradeGraph` on a
 * counting store (no answer cache), @neo4j/graphql through its schema on a driver that counts every
 * `run` of its sessions and transactions. The second execution of each is counted (the first may
 * warm caches: kinds of ids on our side, the server's version on theirs).
 */
export async function countStatements(
  uri: string,
  shared: readonly SharedOperation[],
): Promise<StatementCounts[]> {
  const store = countingStore(
    await Neo4jStore.open({
      uri,
      user: process.env.NEO4J_USER ?? 'neo4j',
      password: process.env.NEO4J_PASSWORD ?? '',
      catalog: CypherCatalog.load('neo4j').verify(ALL_STATEMENTS),
    }),
  );
  const graph = await createTradeGraph({ store });
  const counter: StatementCounter = { count: 0 };
  const driver = countingDriver(openDriver(uri), counter);
  const counts: StatementCounts[] = [];
  try {
    const schema = await neo4jGraphQLSchema(driver);
    for (const operation of shared) {
      const ours = async (): Promise<void> => {
        const result = await graph.execute(operation.tradegraph.query, operation.tradegraph.variables);
        if (result.errors) throw new Error(`${operation.name}: ${JSON.stringify(result.errors)}`);
      };
      const theirs = async (): Promise<void> => {
        const result = await graphql({
          schema,
          source: operation.neo4jGraphQL.query,
          variableValues: operation.neo4jGraphQL.variables,
          contextValue: {},
        });
        if (result.errors)
          throw new Error(`${operation.name} (@neo4j/graphql): ${JSON.stringify(result.errors)}`);
      };
      await ours();
      store.calls.length = 0;
      await ours();
      const tradegraphStatements = [...store.calls];
      await theirs();
      counter.count = 0;
      await theirs();
      counts.push({
        name: operation.name,
        tradegraph: tradegraphStatements.length,
        tradegraphStatements,
        neo4jGraphQL: counter.count,
      });
    }
  } finally {
    await graph.close();
    await driver.close();
  }
  return counts;
}
