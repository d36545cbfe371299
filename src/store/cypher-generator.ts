import { NODE_KINDS, ENTITY_KINDS, type EntityKind, type NodeKind } from '../domain/kinds.js';
import {
  RELATIONSHIP_TYPES,
  STATISTIC_LINKS,
  type RelationshipType,
  type StatisticLink,
} from '../domain/relationships.js';
import {
  BRIEF_RELATIONS_WITH_ENTITY_ROWS,
  KINDS_OF_IDS,
  PATH_SEARCH_BOUND,
  RELATIONS_OF,
  STATISTICS_BY_KEYS,
  STATISTICS_BY_SUBJECTS,
  SUBJECT_KINDS,
  claimStatementName,
  deleteNodesOfKindStatementName,
  listStatementName,
  nodesOfKindStatementName,
  relationshipPairs,
  relationsOfKindStatementName,
  shortestPathsStatementName,
  statisticCopyStatementName,
  statisticInsertStatementName,
  statisticLinkPairs,
  statisticLinkStatementName,
  statisticsOfKindByKeyStatementName,
  statisticsOfKindStatementName,
} from './generated-statements.js';
import { GENERATED } from './generated-header.js';
import { tableRebuildTexts } from './table-rebuild-cypher.js';
import {
  statisticCopyTexts,
  statisticInsertTexts,
  statisticLinkRebuildTexts,
  statisticLinkText,
  statisticsByKeysText,
  statisticsBySubjectsText,
  statisticsOfKindByKeyText,
  statisticsOfKindText,
} from './statistic-cypher.js';

/**
 * The Cypher generator behind `npm run generate:cypher` (scripts/generate-cypher.ts): the text of
 * every statement generated from the domain model, one per kind or pair of kinds, and the folder of
 * `cypher/generated/` each file goes in. The application never runs this; it reads the files.
 */

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

/**
 * Nodes of one kind by id, through the kind's primary-key index: the read path's lookups, whose
 * cost does not grow with the graph (matching a union of labels scans every table it names).
 */
function nodesOfKindText(kind: NodeKind): string {
  return [
    '// Generated from src/domain/kinds.ts by `npm run generate:cypher`; do not edit.',
    `// ${kind} nodes by id, through the ${kind} id index; unknown ids (or ids of other kinds) give no row.`,
    'UNWIND $ids AS id',
    `MATCH (n:${kind} {id: id})`,
    'RETURN id, n AS node',
    '',
  ].join('\n');
}

/** Removes nodes of one kind by id, through the kind's id index (undoing an import's created nodes). */
function deleteNodesOfKindText(kind: NodeKind): string {
  return [
    '// Generated from src/domain/kinds.ts by `npm run generate:cypher`; do not edit.',
    `// Removes ${kind} nodes by id, with their relationships; unknown ids (or ids of other kinds) are no-ops.`,
    'UNWIND $ids AS id',
    `MATCH (n:${kind} {id: id})`,
    'DETACH DELETE n',
    '',
  ].join('\n');
}

/** The kind of each id, one id-index lookup per kind (a union of labels would scan every table). */
function kindsOfIdsText(): string {
  return [
    '// Generated from src/domain/kinds.ts by `npm run generate:cypher`; do not edit.',
    '// The kind of each id (ids are unique across kinds); unknown ids give no row.',
    ...NODE_KINDS.flatMap((kind, index) => [
      ...(index === 0 ? [] : ['UNION ALL']),
      `UNWIND $ids AS id MATCH (:${kind} {id: id}) RETURN id, '${kind}' AS kind`,
    ]),
    '',
  ].join('\n');
}

/** The relationship types that may touch a kind, and the kinds at their other ends. */
export function relationsTouching(kind: NodeKind): { types: RelationshipType[]; others: NodeKind[] } {
  const types: RelationshipType[] = [];
  const others = new Set<NodeKind>();
  for (const [type, definition] of Object.entries(RELATIONSHIP_TYPES) as [
    RelationshipType,
    (typeof RELATIONSHIP_TYPES)[RelationshipType],
  ][]) {
    const from = (definition.from as readonly NodeKind[]).includes(kind);
    const to = (definition.to as readonly NodeKind[]).includes(kind);
    if (!from && !to) continue;
    types.push(type);
    if (from) for (const other of definition.to) others.add(other);
    if (to) for (const other of definition.from) others.add(other);
  }
  return { types, others: NODE_KINDS.filter((k) => others.has(k)) };
}

/**
 * The relations-of statement for entities of one kind: only the relationship types and end kinds
 * that can touch it, and its ids matched with IN so the engine expands only those entities.
 */
function relationsOfKindText(kind: EntityKind): string {
  const { types, others } = relationsTouching(kind);
  return [
    '// Generated from src/domain/relationships.ts by `npm run generate:cypher`; do not edit.',
    `// Every relationship claim touching each ${kind}, in either direction, with both ends (see relations-of).`,
    `MATCH (a:${kind})`,
    'WHERE a.id IN $ids',
    `MATCH (a)-[r:${types.join('|')}]-(b:${others.join('|')})`,
    'RETURN a.id AS id, a AS node, r AS relationship, b AS other',
    '',
  ].join('\n');
}

/**
 * relations-of-<kind>-brief: as relations-of-<kind>, with only the id, kind and name of the entity at
 * each claim's other end, and the claim's facts by name. Read whole, the other ends cost the
 * embedded engine a scan of every property of every node of their kinds (at scale L, an
 * association's 168 claims took 16.8 ms against 7.3). For the kinds of
 * BRIEF_RELATIONS_WITH_ENTITY_ROWS the entity comes once, in a row of its own; for the others, beside
 * each claim. The direction, the kind and a null of the node's type need each dialect's own words.
 */
function briefRelationsOfKindTexts(kind: EntityKind): { embedded: string; neo4j: string } {
  const { types, others } = relationsTouching(kind);
  const claimColumns = ['type', 'outgoing', 'source', 'asOf', 'role', 'since', 'until', 'note'];
  const otherColumns = ['otherId', 'otherKind', 'otherName'];
  const text = (dialect: 'embedded' | 'neo4j'): string => {
    const none = (column: string): string =>
      dialect === 'neo4j'
        ? `null AS ${column}`
        : `CAST(NULL AS ${column === 'outgoing' ? 'BOOL' : 'STRING'}) AS ${column}`;
    const claims = (node: string): string[] => [
      `MATCH (a:${kind})`,
      'WHERE a.id IN $ids',
      `MATCH (a)-[r:${types.join('|')}]-(b:${others.join('|')})`,
      dialect === 'embedded'
        ? `RETURN a.id AS id, ${node} AS node, label(r) AS type, struct_extract(r, '_src') = id(a) AS outgoing,`
        : `RETURN a.id AS id, ${node} AS node, type(r) AS type, startNode(r) = a AS outgoing,`,
      '  r.source AS source, r.asOf AS asOf, r.role AS role, r.since AS since, r.until AS until,',
      dialect === 'embedded'
        ? '  r.note AS note, b.id AS otherId, label(b) AS otherKind, b.name AS otherName'
        : '  r.note AS note, b.id AS otherId, labels(b)[0] AS otherKind, b.name AS otherName',
      '',
    ];
    if (!BRIEF_RELATIONS_WITH_ENTITY_ROWS.includes(kind)) {
      return [
        GENERATED,
        `// Every relationship claim touching each ${kind}, in either direction: the ${kind}, the claim's`,
        '// type, whether it starts at the entity, its facts, and the id, kind and name of the entity at',
        '// its other end (src/graphql/relation-loaders.ts reads it when the selection shows nothing else of them).',
        ...claims('a'),
      ].join('\n');
    }
    return [
      GENERATED,
      `// Each ${kind} asked for, in a row of its own (its node, the claim columns null), then every`,
      "// relationship claim touching it, in either direction (the node null): the claim's type, whether",
      '// it starts at the entity, its facts, and the id, kind and name of the entity at its other end',
      '// (src/graphql/relation-loaders.ts reads it when the selection shows nothing else of them).',
      // Through the id index (no expansion follows, so UNWIND does not cost a join over every claim).
      'UNWIND $ids AS id',
      `MATCH (a:${kind} {id: id})`,
      'RETURN a.id AS id, a AS node,',
      `  ${[...claimColumns, ...otherColumns].map(none).join(', ')}`,
      'UNION ALL',
      ...(dialect === 'embedded'
        ? ["// A null of the node's type below: a plain NULL has none, and the engine refuses it in a union."]
        : []),
      ...claims(dialect === 'embedded' ? 'CASE WHEN a.id IS NULL THEN a END' : 'null'),
    ].join('\n');
  };
  return { embedded: text('embedded'), neo4j: text('neo4j') };
}

/**
 * relations-of: every entity relationship claim touching entities of any kind, through the union of
 * every entity kind and relationship type (the embedded engine scans each kind's table: the read
 * path uses the per-kind forms).
 */
function relationsOfText(): string {
  return [
    '// Generated from src/domain/relationships.ts by `npm run generate:cypher`; do not edit.',
    '// Every entity relationship claim touching each entity, in either direction, with both ends',
    '// (statistics and sources are reached through their own fields, not here). The ids are matched',
    "// with IN, not UNWIND: the embedded engine then expands only those entities' relationships (after",
    '// UNWIND it plans a join over every relationship of the graph).',
    `MATCH (a:${ENTITY_KINDS.join('|')})`,
    'WHERE a.id IN $ids',
    `MATCH (a)-[r:${Object.keys(RELATIONSHIP_TYPES).join('|')}]-(b:${ENTITY_KINDS.join('|')})`,
    'RETURN a.id AS id, a AS node, r AS relationship, b AS other',
    '',
  ].join('\n');
}

/**
 * shortest-paths-<from>-<to>: all shortest paths between two entities over entity relationships
 * (statistics and sources excluded), each end matched through its own kind's id index.
 */
function shortestPathsTexts(from: EntityKind, to: EntityKind): { embedded: string; neo4j: string } {
  const types = Object.keys(RELATIONSHIP_TYPES).join('|');
  const head = [
    GENERATED,
    `// All shortest paths from each ${from} of $froms to a ${to} over entity relationships (statistics and`,
    `// sources excluded). The upper bound, ${PATH_SEARCH_BOUND}, is the longest path any caller may ask for; $maxLength`,
    '// narrows it. The starts are matched after UNWIND, through their id index (with IN, the engine',
    '// searches from every node of the kind).',
    'UNWIND $froms AS start',
    `MATCH (a:${from} {id: start})`,
    `MATCH (b:${to} {id: $to})`,
  ];
  const embedded = [
    ...head,
    `MATCH p = (a)-[:${types}* ALL SHORTEST 1..${PATH_SEARCH_BOUND}]-(b)`,
    'WHERE length(p) <= $maxLength',
    'RETURN a.id AS from, p AS path',
    'LIMIT $limit',
    '',
  ];
  const neo4j = [
    ...head,
    "// Neo4j's shortest-path search refuses a start that is also the end; the embedded engine answers none.",
    'WITH a, b WHERE a <> b',
    `MATCH p = allShortestPaths((a)-[:${types}*..${PATH_SEARCH_BOUND}]-(b))`,
    '// Filtered after the search, not in its WHERE: a WHERE the search cannot check makes Neo4j fall back,',
    '// when no path passes, to enumerating every path up to the bound (seconds per pair, exponential).',
    'WITH a, p WHERE length(p) <= $maxLength',
    'RETURN a.id AS from, p AS path',
    'LIMIT $limit',
    '',
  ];
  return { embedded: embedded.join('\n'), neo4j: neo4j.join('\n') };
}

/** The folder of `cypher/` a generated statement's file lives in, by the capability that runs it. */
export function generatedFolder(name: string): string {
  if (/^(list-|nodes-by-ids-)/.test(name) || name === KINDS_OF_IDS) return 'generated/lookup';
  if (name === RELATIONS_OF || name.startsWith('relations-of-')) return 'generated/relations';
  if (name === STATISTICS_BY_SUBJECTS || name === STATISTICS_BY_KEYS || name.startsWith('statistics-of-'))
    return 'generated/statistics';
  if (/^(set-aside|create|copy-set-aside|drop-set-aside)-(statistic|nodes|claims)-/.test(name))
    return 'generated/rebuild';
  if (name.startsWith('shortest-paths-')) return 'generated/paths';
  return 'generated/import';
}

/** Every generated statement's file, as its path under `cypher/`, to its text. */
export function generatedFiles(): Map<string, string> {
  return new Map(
    [...generatedTexts()].map(([name, text]) => [
      `${generatedFolder(name.replace(/\.(embedded|neo4j)$/, ''))}/${name}.cypher`,
      text,
    ]),
  );
}

/** Every generated statement: file name (without `.cypher`) to text. */
export function generatedTexts(): Map<string, string> {
  const texts = new Map<string, string>();
  for (const kind of NODE_KINDS) texts.set(listStatementName(kind), listText(kind));
  for (const kind of NODE_KINDS) texts.set(nodesOfKindStatementName(kind), nodesOfKindText(kind));
  for (const kind of NODE_KINDS) texts.set(deleteNodesOfKindStatementName(kind), deleteNodesOfKindText(kind));
  texts.set(KINDS_OF_IDS, kindsOfIdsText());
  texts.set(RELATIONS_OF, relationsOfText());
  for (const kind of ENTITY_KINDS) texts.set(relationsOfKindStatementName(kind), relationsOfKindText(kind));
  for (const kind of ENTITY_KINDS) {
    const brief = briefRelationsOfKindTexts(kind);
    const name = relationsOfKindStatementName(kind, { brief: true });
    texts.set(`${name}.embedded`, brief.embedded);
    texts.set(`${name}.neo4j`, brief.neo4j);
  }
  texts.set(STATISTICS_BY_SUBJECTS, statisticsBySubjectsText());
  for (const kind of SUBJECT_KINDS) {
    texts.set(statisticsOfKindStatementName(kind), statisticsOfKindText(kind, true));
    texts.set(statisticsOfKindStatementName(kind, { ends: false }), statisticsOfKindText(kind, false));
  }
  texts.set(STATISTICS_BY_KEYS, statisticsByKeysText());
  for (const kind of SUBJECT_KINDS) {
    texts.set(statisticsOfKindByKeyStatementName(kind), statisticsOfKindByKeyText(kind, true));
    texts.set(
      statisticsOfKindByKeyStatementName(kind, { ends: false }),
      statisticsOfKindByKeyText(kind, false),
    );
  }
  for (const from of ENTITY_KINDS) {
    for (const to of ENTITY_KINDS) {
      const paths = shortestPathsTexts(from, to);
      texts.set(`${shortestPathsStatementName(from, to)}.embedded`, paths.embedded);
      texts.set(`${shortestPathsStatementName(from, to)}.neo4j`, paths.neo4j);
    }
  }
  for (const [type, from, to] of relationshipPairs())
    texts.set(claimStatementName(type, from, to), claimText(type, from, to));
  for (const link of Object.keys(STATISTIC_LINKS) as StatisticLink[]) {
    for (const [name, text] of statisticLinkRebuildTexts(link)) texts.set(name, text);
  }
  for (const [name, text] of tableRebuildTexts()) texts.set(name, text);
  for (const [link, to] of statisticLinkPairs()) {
    texts.set(statisticLinkStatementName(link, to), statisticLinkText(link, to));
    const insert = statisticInsertTexts(link, to);
    texts.set(`${statisticInsertStatementName(link, to)}.embedded`, insert.embedded);
    texts.set(`${statisticInsertStatementName(link, to)}.neo4j`, insert.neo4j);
    const copy = statisticCopyTexts(link, to);
    texts.set(`${statisticCopyStatementName(link, to)}.embedded`, copy.embedded);
    texts.set(`${statisticCopyStatementName(link, to)}.neo4j`, copy.neo4j);
  }
  return texts;
}
