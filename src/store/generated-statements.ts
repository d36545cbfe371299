import { NODE_KINDS, type EntityKind, type NodeKind } from '../domain/kinds.js';
import {
  RELATIONSHIP_TYPES,
  STATISTIC_LINKS,
  type RelationshipType,
  type StatisticLink,
} from '../domain/relationships.js';
import {
  bulkStatement,
  readStatement,
  writeStatement,
  type Statement,
  type StatementInfo,
} from './statements.js';
import type { GraphNode, ParamValue } from './values.js';

/**
 * Statements generated from the domain model, one per kind or pair of kinds, because labels
 * cannot be parameters: their names and typed parameters and rows. The embedded engine cannot
 * create a relationship whose ends are matched through a union of labels, so there is one write
 * statement per relationship type and pair of end kinds. Their texts are written by
 * `cypher-generator.ts` (`npm run generate:cypher`) into `cypher/generated/<capability>/`; a test
 * keeps them in step.
 */

type Rows = { rows: { readonly [key: string]: ParamValue }[] };

/** A name in a statement's file name: MEMBER_OF → member-of, Company → company. */
type Slug<S extends string> = S extends `${infer Head}_${infer Tail}`
  ? `${Lowercase<Head>}-${Slug<Tail>}`
  : Lowercase<S>;

export const slug = <S extends string>(text: S): Slug<S> => text.replace(/_/g, '-').toLowerCase() as Slug<S>;

/*
 * The names of the per-pair write statements, as types: plans and datasets are plain data keyed by
 * statement name (a journaled import keeps them on disk), and a name of one of these types can only
 * come from the functions below, so a misspelt name does not compile.
 */
export type ClaimStatementName = `link-${Slug<RelationshipType>}-${Slug<NodeKind>}-${Slug<NodeKind>}`;
export type StatisticLinkStatementName = `link-statistic-${Slug<StatisticLink>}-${Slug<NodeKind>}`;
export type StatisticInsertStatementName = `insert-statistic-${Slug<StatisticLink>}-${Slug<NodeKind>}`;
export type StatisticCopyStatementName = `copy-statistic-${Slug<StatisticLink>}-${Slug<NodeKind>}`;
/** The statements that write rows of relationships: claims, and links of statistics. */
export type LinkStatementName = ClaimStatementName | StatisticLinkStatementName;

export function claimStatementName(type: RelationshipType, from: NodeKind, to: NodeKind): ClaimStatementName {
  return `link-${slug(type)}-${slug(from)}-${slug(to)}`;
}

export function statisticLinkStatementName(link: StatisticLink, to: NodeKind): StatisticLinkStatementName {
  return `link-statistic-${slug(link)}-${slug(to)}`;
}

export function statisticInsertStatementName(
  link: StatisticLink,
  to: NodeKind,
): StatisticInsertStatementName {
  return `insert-statistic-${slug(link)}-${slug(to)}`;
}

export function statisticCopyStatementName(link: StatisticLink, to: NodeKind): StatisticCopyStatementName {
  return `copy-statistic-${slug(link)}-${slug(to)}`;
}

/** The bulk load of the links an insert statement writes, from a staged file instead of a parameter. */
export function copyNameOfInsert(name: StatisticInsertStatementName): StatisticCopyStatementName {
  return `copy-${name.slice('insert-'.length)}` as StatisticCopyStatementName;
}

export function listStatementName(kind: NodeKind): string {
  return `list-${slug(kind)}`;
}

export function nodesOfKindStatementName(kind: NodeKind): string {
  return `nodes-by-ids-${slug(kind)}`;
}

export function deleteNodesOfKindStatementName(kind: NodeKind): string {
  return `delete-nodes-${slug(kind)}`;
}

export const KINDS_OF_IDS = 'kinds-of-ids';

/** Relationship claims of entities of any kind: the union of every entity kind and relationship type. */
export const RELATIONS_OF = 'relations-of';

/** Statistics of subjects of any kind: the union of every kind a statistic measures. */
export const STATISTICS_BY_SUBJECTS = 'statistics-by-subjects';

/**
 * The kinds whose `relations-of-<kind>-brief` gives each entity's node once, in a row of its own,
 * instead of beside every claim: the embedded engine hands a node to JavaScript property by
 * property, which for a country (claimed by every company located or headquartered in it, and cited
 * by many sources) cost more than half the statement (at scale M, Mexico's 1,557 claims: 41 ms with
 * the node on every row, 19 without). For the other kinds, with tens of claims, the second branch of
 * the union costs more than it saves (1–2 ms).
 */
export const BRIEF_RELATIONS_WITH_ENTITY_ROWS: readonly EntityKind[] = ['Country'];

/**
 * Whether a relations statement reads the entities at the claims' other ends whole, or only their
 * id, kind and name (`brief`: for a selection that shows nothing else of them).
 */
export interface RelationEnds {
  readonly brief: boolean;
}

const WHOLE_ENDS: RelationEnds = { brief: false };

export function relationsOfKindStatementName(kind: EntityKind, { brief }: RelationEnds = WHOLE_ENDS): string {
  return `relations-of-${slug(kind)}${brief ? '-brief' : ''}`;
}

/**
 * The longest path the shortest-path statements search: their pattern's fixed upper bound (the
 * engines take no parameter there); `$maxLength` narrows it.
 */
export const PATH_SEARCH_BOUND = 6;

/**
 * Shortest paths from an entity of one kind to an entity of another: the ends matched through their
 * kinds' id indexes. Through a union of labels, the embedded engine scans every entity table for
 * both ends (at scale M, half the statement's time).
 */
export function shortestPathsStatementName(from: EntityKind, to: EntityKind): string {
  return `shortest-paths-${slug(from)}-${slug(to)}`;
}

/** The kinds a statistic can measure. */
export const SUBJECT_KINDS: readonly NodeKind[] = STATISTIC_LINKS.MEASURES.to;

/**
 * Whether a statement returning statistics returns each one's source and destination nodes beside
 * it: a selection that shows neither is spared reading them (about a third of the statement's time).
 */
export interface StatisticEnds {
  readonly ends: boolean;
}

const WITH_ENDS: StatisticEnds = { ends: true };

export function statisticsOfKindStatementName(kind: NodeKind, { ends }: StatisticEnds = WITH_ENDS): string {
  return `statistics-of-${slug(kind)}${ends ? '' : '-without-ends'}`;
}

/** Statistics of one metric and span of days through their keys, whatever the subjects' kinds. */
export const STATISTICS_BY_KEYS = 'statistics-by-keys';

export function statisticsOfKindByKeyStatementName(
  kind: NodeKind,
  { ends }: StatisticEnds = WITH_ENDS,
): string {
  return `statistics-of-${slug(kind)}-by-key${ends ? '' : '-without-ends'}`;
}

/*
 * Building the Statistic table again in a bulk write (src/import/staging.ts; the embedded engine
 * only): each statistic link's table is set aside with the statistics, made again, loaded with the
 * set-aside links to each kind it points to, then dropped.
 */
export function setAsideStatisticLinkStatementName(link: StatisticLink): string {
  return `set-aside-statistic-${slug(link)}`;
}

export function createStatisticLinkTableStatementName(link: StatisticLink): string {
  return `create-statistic-${slug(link)}-table`;
}

export function copySetAsideStatisticLinkStatementName(link: StatisticLink, to: NodeKind): string {
  return `copy-set-aside-statistic-${slug(link)}-${slug(to)}`;
}

export function dropSetAsideStatisticLinkStatementName(link: StatisticLink): string {
  return `drop-set-aside-statistic-${slug(link)}`;
}

const STATISTIC_LINK_NAMES = Object.keys(STATISTIC_LINKS) as StatisticLink[];

/** The per-link steps of building the Statistic table again, step by step. */
export const STATISTIC_LINK_REBUILD = {
  setAside: STATISTIC_LINK_NAMES.map((link) => bulkStatement(setAsideStatisticLinkStatementName(link))),
  create: STATISTIC_LINK_NAMES.map((link) => bulkStatement(createStatisticLinkTableStatementName(link))),
  copySetAside: STATISTIC_LINK_NAMES.flatMap((link) =>
    STATISTIC_LINKS[link].to.map((to) => bulkStatement(copySetAsideStatisticLinkStatementName(link, to))),
  ),
  dropSetAside: STATISTIC_LINK_NAMES.map((link) =>
    bulkStatement(dropSetAsideStatisticLinkStatementName(link)),
  ),
} as const;

/** Every relationship type with each allowed pair of end kinds: one claim statement each. */
export function relationshipPairs(): [RelationshipType, NodeKind, NodeKind][] {
  return (
    Object.entries(RELATIONSHIP_TYPES) as [RelationshipType, (typeof RELATIONSHIP_TYPES)[RelationshipType]][]
  ).flatMap(([type, definition]) =>
    definition.from.flatMap((from) =>
      definition.to.map((to): [RelationshipType, NodeKind, NodeKind] => [type, from, to]),
    ),
  );
}

/** Every statistic link with each kind it may point to: one link, insert and copy statement each. */
export function statisticLinkPairs(): [StatisticLink, NodeKind][] {
  return (
    Object.entries(STATISTIC_LINKS) as [StatisticLink, (typeof STATISTIC_LINKS)[StatisticLink]][]
  ).flatMap(([link, definition]) => definition.to.map((to): [StatisticLink, NodeKind] => [link, to]));
}

/** The statement of a name claimStatementName or statisticLinkStatementName gave. */
export function linkStatementNamed(name: LinkStatementName): Statement<Rows> {
  return writeStatement<Rows>(name, ['rows']);
}

/** The statement of a name statisticInsertStatementName gave. */
export function statisticInsertStatementNamed(
  name: StatisticInsertStatementName,
): Statement<{ links: string }> {
  return writeStatement<{ links: string }>(name, ['links']);
}

/** The statement of a name statisticCopyStatementName gave. */
export function statisticCopyStatementNamed(
  name: StatisticCopyStatementName,
): Statement<Record<string, never>> {
  return writeStatement<Record<string, never>>(name, []);
}

export function claimStatement(type: RelationshipType, from: NodeKind, to: NodeKind): Statement<Rows> {
  return linkStatementNamed(claimStatementName(type, from, to));
}

export function statisticLinkStatement(link: StatisticLink, to: NodeKind): Statement<Rows> {
  return linkStatementNamed(statisticLinkStatementName(link, to));
}

export function statisticInsertStatement(link: StatisticLink, to: NodeKind): Statement<{ links: string }> {
  return statisticInsertStatementNamed(statisticInsertStatementName(link, to));
}

export function statisticCopyStatement(link: StatisticLink, to: NodeKind): Statement<Record<string, never>> {
  return statisticCopyStatementNamed(statisticCopyStatementName(link, to));
}

export function listStatement(
  kind: NodeKind,
): Statement<{ after: string; limit: number }, { node: GraphNode }> {
  return readStatement<{ after: string; limit: number }, { node: GraphNode }>(
    listStatementName(kind),
    ['after', 'limit'],
    { node: true },
  );
}

const nodesOfKindStatements = new Map(
  NODE_KINDS.map((kind) => [
    kind,
    readStatement<{ ids: string[] }, { id: string; node: GraphNode }>(
      nodesOfKindStatementName(kind),
      ['ids'],
      { id: true, node: true },
      { keyedBy: { param: 'ids', column: 'id' } },
    ),
  ]),
);

/** Nodes of one kind by id (index-backed). */
export function nodesOfKind(kind: NodeKind): Statement<{ ids: string[] }, { id: string; node: GraphNode }> {
  const statement = nodesOfKindStatements.get(kind);
  if (!statement) throw new Error(`no node kind ${kind}`);
  return statement;
}

const deleteNodesOfKindStatements = new Map(
  NODE_KINDS.map((kind) => [
    kind,
    writeStatement<{ ids: string[] }>(deleteNodesOfKindStatementName(kind), ['ids']),
  ]),
);

/** Removes nodes of one kind by id, with their relationships (index-backed). */
export function deleteNodesOfKind(kind: NodeKind): Statement<{ ids: string[] }> {
  const statement = deleteNodesOfKindStatements.get(kind);
  if (!statement) throw new Error(`no node kind ${kind}`);
  return statement;
}

/** The kind of each id that names a node (index-backed, whatever the kind). */
export const kindsOfIds = readStatement<{ ids: string[] }, { id: string; kind: string }>(
  KINDS_OF_IDS,
  ['ids'],
  { id: true, kind: true },
  { keyedBy: { param: 'ids', column: 'id' } },
);

export const GENERATED_STATEMENTS: readonly StatementInfo[] = [
  ...NODE_KINDS.map((kind) => listStatement(kind)),
  ...NODE_KINDS.map((kind) => nodesOfKind(kind)),
  ...NODE_KINDS.map((kind) => deleteNodesOfKind(kind)),
  kindsOfIds,
  ...relationshipPairs().map(([type, from, to]) => claimStatement(type, from, to)),
  ...statisticLinkPairs().map(([link, to]) => statisticLinkStatement(link, to)),
  ...(Object.entries(STATISTIC_LINKS) as [StatisticLink, { to: readonly NodeKind[] }][]).flatMap(
    ([link, definition]) =>
      definition.to.flatMap((to) => [statisticInsertStatement(link, to), statisticCopyStatement(link, to)]),
  ),
];
