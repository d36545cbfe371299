import { NODE_KINDS, type NodeKind } from '../domain/kinds.js';
import {
  RELATIONSHIP_TYPES,
  STATISTIC_LINKS,
  type RelationshipType,
  type StatisticLink,
} from '../domain/relationships.js';
import { readStatement, writeStatement, type Statement, type StatementInfo } from './statements.js';
import type { GraphNode, ParamValue } from './values.js';

/**
 * Statements generated from the domain model, one per kind or pair of kinds, because labels
 * cannot be parameters. Statements that write relationships. The embedded engine cannot create a relationship whose
 * ends are matched through a union of labels, so there is one statement per relationship type
 * and pair of end kinds. Their texts are generated from the domain model
 * (`npm run generate:cypher`) into `cypher/link-*.cypher` and `cypher/list-*.cypher`; a test keeps them in step.
 */

type Rows = { rows: { readonly [key: string]: ParamValue }[] };

const slug = (text: string): string => text.replace(/_/g, '-').toLowerCase();

export function claimStatementName(type: RelationshipType, from: NodeKind, to: NodeKind): string {
  return `link-${slug(type)}-${slug(from)}-${slug(to)}`;
}

export function statisticLinkStatementName(link: StatisticLink, to: NodeKind): string {
  return `link-statistic-${slug(link)}-${slug(to)}`;
}

const GENERATED = '// Generated from src/domain/relationships.ts by `npm run generate:cypher`; do not edit.';

function claimText(type: RelationshipType, from: NodeKind, to: NodeKind): string {
  return [
    GENERATED,
    `// Records ${type} claims from a ${from} to a ${to}: one relationship per (from, to, source).`,
    'UNWIND $rows AS row',
    `MATCH (a:${from} {id: row.from})`,
    `MATCH (b:${to} {id: row.to})`,
    `MERGE (a)-[r:${type} {source: row.source}]->(b)`,
    'SET r.asOf = row.asOf, r.role = row.role, r.since = row.since, r.until = row.until, r.note = row.note',
    '',
  ].join('\n');
}

function statisticLinkText(link: StatisticLink, to: NodeKind): string {
  return [
    GENERATED,
    `// Links statistics to the ${to} in their ${slug(link).replace(/-/g, ' ')} field.`,
    'UNWIND $rows AS row',
    'MATCH (s:Statistic {id: row.id})',
    `MATCH (t:${to} {id: row.target})`,
    `MERGE (s)-[:${link}]->(t)`,
    '',
  ].join('\n');
}

export function statisticInsertStatementName(link: StatisticLink, to: NodeKind): string {
  return `insert-statistic-${slug(link)}-${slug(to)}`;
}

/**
 * Links of statistics that are new (written by `insert-statistics` in the same transaction), to
 * targets of one kind. `$links` packs the rows as text, one per line: the statistic id and the
 * target id (see src/ingest/packed-rows.ts). The embedded engine bulk-loads them with COPY; Neo4j,
 * which has no bulk loader reachable from a client, creates them one by one.
 */
function statisticInsertTexts(link: StatisticLink, to: NodeKind): { embedded: string; neo4j: string } {
  const what = `// Links new statistics to the ${to} in their ${slug(link).replace(/-/g, ' ')} field.`;
  return {
    embedded: [
      GENERATED,
      what,
      `COPY ${link} FROM (`,
      "  UNWIND string_split($links, '\\u001e') AS line",
      "  WITH string_split(line, '\\u001f') AS f",
      '  WHERE size(f) = 2',
      '  RETURN f[1], f[2]',
      `) (from='Statistic', to='${to}')`,
      '',
    ].join('\n'),
    neo4j: [
      GENERATED,
      what,
      "UNWIND split($links, '\\u001e') AS line",
      "WITH split(line, '\\u001f') AS f",
      'WHERE size(f) = 2',
      'MATCH (s:Statistic {id: f[0]})',
      `MATCH (t:${to} {id: f[1]})`,
      `CREATE (s)-[:${link}]->(t)`,
      '',
    ].join('\n'),
  };
}

export function statisticCopyStatementName(link: StatisticLink, to: NodeKind): string {
  return `copy-statistic-${slug(link)}-${slug(to)}`;
}

/**
 * Links of new statistics staged in a file of the store's bulk directory named after the
 * statement (`copy-statistic-measures-country.csv`), one per line: the statistic id and the
 * target id separated by U+001F (see src/ingest/staging.ts). The embedded engine bulk-loads the
 * file with COPY. Neo4j never runs these (its store has no bulk directory); its text is the same
 * load with LOAD CSV, which would read the file from the server's import directory.
 */
function statisticCopyTexts(link: StatisticLink, to: NodeKind): { embedded: string; neo4j: string } {
  const name = statisticCopyStatementName(link, to);
  const what = `// Links new statistics, staged in ${name}.csv, to the ${to} in their ${slug(link).replace(/-/g, ' ')} field.`;
  return {
    embedded: [
      GENERATED,
      what,
      `COPY ${link} FROM '${name}.csv'`,
      `  (header=false, delim='\\u001f', quote='\\u001c', escape='\\u001c', from='Statistic', to='${to}')`,
      '',
    ].join('\n'),
    neo4j: [
      GENERATED,
      what,
      `LOAD CSV FROM 'file:///${name}.csv' AS f FIELDTERMINATOR '\\u001f'`,
      'MATCH (s:Statistic {id: f[0]})',
      `MATCH (t:${to} {id: f[1]})`,
      `CREATE (s)-[:${link}]->(t)`,
      '',
    ].join('\n'),
  };
}

export function listStatementName(kind: NodeKind): string {
  return `list-${slug(kind)}`;
}

function listText(kind: NodeKind): string {
  return [
    '// Generated from src/domain/kinds.ts by `npm run generate:cypher`; do not edit.',
    `// One page of ${kind} nodes in id order, after the cursor id ($after = '' for the first page).`,
    `MATCH (n:${kind})`,
    'WHERE n.id > $after',
    'RETURN n AS node',
    'ORDER BY n.id',
    'LIMIT $limit',
    '',
  ].join('\n');
}

/** Every generated statement: file name (without `.cypher`) to text. */
export function generatedTexts(): Map<string, string> {
  const texts = new Map<string, string>();
  for (const kind of NODE_KINDS) texts.set(listStatementName(kind), listText(kind));
  for (const [type, definition] of Object.entries(RELATIONSHIP_TYPES) as [
    RelationshipType,
    (typeof RELATIONSHIP_TYPES)[RelationshipType],
  ][]) {
    for (const from of definition.from) {
      for (const to of definition.to)
        texts.set(claimStatementName(type, from, to), claimText(type, from, to));
    }
  }
  for (const [link, definition] of Object.entries(STATISTIC_LINKS) as [
    StatisticLink,
    (typeof STATISTIC_LINKS)[StatisticLink],
  ][]) {
    for (const to of definition.to) {
      texts.set(statisticLinkStatementName(link, to), statisticLinkText(link, to));
      const insert = statisticInsertTexts(link, to);
      texts.set(`${statisticInsertStatementName(link, to)}.embedded`, insert.embedded);
      texts.set(`${statisticInsertStatementName(link, to)}.neo4j`, insert.neo4j);
      const copy = statisticCopyTexts(link, to);
      texts.set(`${statisticCopyStatementName(link, to)}.embedded`, copy.embedded);
      texts.set(`${statisticCopyStatementName(link, to)}.neo4j`, copy.neo4j);
    }
  }
  return texts;
}

export function claimStatement(type: RelationshipType, from: NodeKind, to: NodeKind): Statement<Rows> {
  return writeStatement<Rows>(claimStatementName(type, from, to), ['rows']);
}

export function statisticLinkStatement(link: StatisticLink, to: NodeKind): Statement<Rows> {
  return writeStatement<Rows>(statisticLinkStatementName(link, to), ['rows']);
}

export function statisticInsertStatement(link: StatisticLink, to: NodeKind): Statement<{ links: string }> {
  return writeStatement<{ links: string }>(statisticInsertStatementName(link, to), ['links']);
}

export function statisticCopyStatement(link: StatisticLink, to: NodeKind): Statement<Record<string, never>> {
  return writeStatement<Record<string, never>>(statisticCopyStatementName(link, to), []);
}

export function listStatement(
  kind: NodeKind,
): Statement<{ after: string; limit: number }, { node: GraphNode }> {
  return readStatement(listStatementName(kind), ['after', 'limit']);
}

export const GENERATED_STATEMENTS: readonly StatementInfo[] = [
  ...NODE_KINDS.map((kind) => listStatement(kind)),
  ...[...generatedTexts().keys()]
    .filter((name) => name.startsWith('link-'))
    .map((name) => writeStatement(name, ['rows'])),
  ...(Object.entries(STATISTIC_LINKS) as [StatisticLink, { to: readonly NodeKind[] }][]).flatMap(
    ([link, definition]) =>
      definition.to.flatMap((to) => [statisticInsertStatement(link, to), statisticCopyStatement(link, to)]),
  ),
];
