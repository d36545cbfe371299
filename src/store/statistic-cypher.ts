import type { NodeKind } from '../domain/kinds.js';
import { STATISTIC_LINKS, type StatisticLink } from '../domain/relationships.js';
import { GENERATED } from './generated-header.js';
import {
  copySetAsideStatisticLinkStatementName,
  createStatisticLinkTableStatementName,
  dropSetAsideStatisticLinkStatementName,
  setAsideStatisticLinkStatementName,
  SUBJECT_KINDS,
  slug,
  statisticCopyStatementName,
} from './generated-statements.js';
import { STATISTIC_END_COLUMNS } from './statistic-read-statements.js';
import { setAsideNodeTable } from './table-rebuild-cypher.js';

/*
 * The texts of the generated statements that write and read statistics (see cypher-generator.ts,
 * which gathers every generated text and writes the files).
 */

export function statisticLinkText(link: StatisticLink, to: NodeKind): string {
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

/**
 * Links of statistics that are new (written by `insert-statistics` in the same transaction), to
 * targets of one kind. `$links` packs the rows as text, one per line: the statistic id and the
 * target id (see src/import/packed-rows.ts). The embedded engine bulk-loads them with COPY; Neo4j,
 * which has no bulk loader reachable from a client, creates them one by one.
 */
export function statisticInsertTexts(link: StatisticLink, to: NodeKind): { embedded: string; neo4j: string } {
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

/**
 * Links of new statistics staged in a file of the store's bulk directory named after the
 * statement (`copy-statistic-measures-country.csv`), one per line: the statistic id and the
 * target id separated by U+001F (see src/import/staging.ts). The embedded engine bulk-loads the
 * file with COPY. Neo4j never runs these (its store has no bulk directory); its text is the same
 * load with LOAD CSV, which would read the file from the server's import directory.
 */
export function statisticCopyTexts(link: StatisticLink, to: NodeKind): { embedded: string; neo4j: string } {
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

/**
 * Building the Statistic table again in a bulk write (src/import/staging.ts; embedded engine only):
 * each link table is set aside with the statistics, made again empty, loaded with the set-aside
 * links of each kind it points to, then dropped. See cypher/rebuild/set-aside-statistics.
 */
export function statisticLinkRebuildTexts(link: StatisticLink): Map<string, string> {
  const setAside = `${link}_SET_ASIDE`;
  const texts = new Map<string, string>();
  texts.set(
    `${setAsideStatisticLinkStatementName(link)}.embedded`,
    [
      GENERATED,
      `// Renames the ${link} table while the Statistic table is set aside (set-aside-statistics), so`,
      '// that a new, empty one can take every link in bulk loads.',
      `ALTER TABLE ${link} RENAME TO ${setAside}`,
      '',
    ].join('\n'),
  );
  texts.set(
    `${createStatisticLinkTableStatementName(link)}.embedded`,
    [
      GENERATED,
      `// The empty ${link} table a bulk write loads every link into: the schema's own statement`,
      '// (cypher/schema/embedded.cypher; a test holds them equal).',
      statisticLinkTableText(link),
      '',
    ].join('\n'),
  );
  for (const to of STATISTIC_LINKS[link].to) {
    texts.set(
      `${copySetAsideStatisticLinkStatementName(link, to)}.embedded`,
      [
        GENERATED,
        `// Loads the set-aside ${link} links to a ${to} into the new table, in bulk.`,
        // Its ends are set aside too: every node table is built again with the statistics.
        `COPY ${link} FROM (MATCH (s:${setAsideNodeTable('Statistic')})-[:${setAside}]->(t:${setAsideNodeTable(to)}) RETURN s.id, t.id)`,
        `  (from='Statistic', to='${to}')`,
        '',
      ].join('\n'),
    );
  }
  texts.set(
    `${dropSetAsideStatisticLinkStatementName(link)}.embedded`,
    [
      GENERATED,
      `// Drops the set-aside ${link} table, its links loaded into the new one.`,
      `DROP TABLE ${setAside}`,
      '',
    ].join('\n'),
  );
  return texts;
}

/** A statistic link's table, as the embedded schema creates it. */
function statisticLinkTableText(link: StatisticLink): string {
  return `CREATE REL TABLE IF NOT EXISTS ${link}(${STATISTIC_LINKS[link].to.map((to) => `FROM Statistic TO ${to}`).join(', ')})`;
}

/** The statistics measuring the subjects matched as `x`, filtered (statistics-by-subjects and its per-kind forms). */
const STATISTIC_FILTER = [
  'WHERE x.id IN $subjectIds',
  'MATCH (s:Statistic)-[:MEASURES]->(x)',
  'WITH x, s',
  "WHERE ($metric = '' OR s.metric = $metric)",
  '  AND s.periodStart >= date($periodFrom)',
  '  AND s.periodEnd <= date($periodTo)',
  "  AND ($destination = '' OR s.destinationId = $destination)",
  '  AND ($totalsOnly = false OR s.destinationId IS NULL)',
  "  AND ($origin = '' OR s.originId = $origin)",
  "  AND ($sector = '' OR s.sectorId = $sector)",
];

/** statistics-by-subjects: statistics measuring subjects of any kind, through the union of every kind a statistic measures. */
export function statisticsBySubjectsText(): string {
  return [
    '// Generated from src/domain/relationships.ts by `npm run generate:cypher`; do not edit.',
    '// Statistics measuring each subject, filtered. Empty strings match everything (see',
    '// association-members for why not nulls); the period bounds are always dates. $totalsOnly keeps',
    '// figures that cover all destinations (no destination split); $destination keeps one destination.',
    "// Shaped for the embedded engine's planner, so the work follows the subjects' own statistics,",
    '// not the whole graph: the subjects are matched with IN (after UNWIND it joins every MEASURES',
    '// relationship), and the filters come after WITH (in the MATCH, it scans every statistic first).',
    `MATCH (x:${SUBJECT_KINDS.join('|')})`,
    ...STATISTIC_FILTER,
    'RETURN x.id AS subjectId, s AS statistic',
    'ORDER BY subjectId, s.periodStart, s.id',
    '',
  ].join('\n');
}

/**
 * statistics-by-subjects for subjects of one kind: the engine then scans only that kind's ids to
 * find the subjects (not every subject kind's), then follows their MEASURES relationships. In two
 * steps: the filter reads only the columns it tests and keeps the ids of the statistics that pass;
 * then each of those is read whole through the Statistic id index. Returning the statistics from
 * the first match made the embedded engine read every column of every statistic the subjects have
 * (the scan of a node group), most of them to be filtered out.
 */
export function statisticsOfKindText(kind: NodeKind, ends: boolean): string {
  return [
    '// Generated from src/domain/relationships.ts by `npm run generate:cypher`; do not edit.',
    `// Statistics measuring each ${kind}, filtered as in statistics-by-subjects (see there for the shape),`,
    ends
      ? '// each with its source and destination nodes (null when the statistic names none). The filter'
      : '// without their source and destination nodes (for a selection that shows neither). The filter',
    '// keeps ids only; the statistics that pass are then read whole through the id index.',
    `MATCH (x:${kind})`,
    ...STATISTIC_FILTER,
    'WITH collect(s.id) AS ids',
    'UNWIND ids AS id',
    'MATCH (t:Statistic {id: id})',
    ...(ends ? STATISTIC_ENDS_AND_RETURN : STATISTIC_RETURN),
    '',
  ].join('\n');
}

/**
 * The last steps of every statement that returns statistics with their ends: each row carries the
 * statistic's source and destination, so showing them takes no lookup of its own. Matched by the id
 * the statistic holds (not through STATED_IN or DESTINATION): the embedded engine then joins the
 * small Source, Country and Region tables, where following the relationships from the statistics
 * makes it read the whole Statistic table again.
 */
const STATISTIC_ENDS_AND_RETURN = [
  ...STATISTIC_END_COLUMNS.map(
    ({ kind: end, property }, index) => `OPTIONAL MATCH (e${index}:${end} {id: t.${property}})`,
  ),
  `RETURN t.subjectId AS subjectId, t AS statistic, ${STATISTIC_END_COLUMNS.map(({ column }, index) => `e${index} AS ${column}`).join(', ')}`,
  'ORDER BY subjectId, t.periodStart, t.id',
];

/** The last steps of a statement that returns statistics without their ends (see STATISTIC_ENDS_AND_RETURN). */
const STATISTIC_RETURN = [
  'RETURN t.subjectId AS subjectId, t AS statistic',
  'ORDER BY subjectId, t.periodStart, t.id',
];

/**
 * From a statistic key `key` on: the statistics it lists, all of them (the caller filters them by
 * destination, origin and sector: after this unwinding the embedded engine evaluates a filter such
 * as `($totalsOnly = false OR t.destinationId IS NULL)` wrongly, keeping every row).
 */
const keyedStatistics = (ends: boolean): string[] => [
  'MATCH (k:StatisticKey {id: key})',
  'UNWIND k.statistics AS id',
  'MATCH (t:Statistic {id: id})',
  ...(ends ? STATISTIC_ENDS_AND_RETURN : STATISTIC_RETURN),
];

/** statistics-by-keys: one metric and span of days, through the keys (src/store/statistic-key-statements.ts). */
export function statisticsByKeysText(): string {
  return [
    GENERATED,
    '// Statistics listed by the statistic keys given (subjectId|metric|periodStart|periodEnd), whatever',
    "// their subjects' kinds, each with its source and destination nodes, unfiltered (src/queries/",
    '// statistics.ts filters them). Every step is a lookup by primary key: the key, then each statistic',
    '// it lists. The keys are unwound (a list matched with IN makes the embedded engine scan every key).',
    'UNWIND $keys AS key',
    ...keyedStatistics(true),
    '',
  ].join('\n');
}

/** statistics-of-<kind> for one metric and span of days, through the keys (ids of other kinds give nothing). */
export function statisticsOfKindByKeyText(kind: NodeKind, ends: boolean): string {
  return [
    GENERATED,
    `// Statistics of one metric and span of days measuring each ${kind}, through the statistic keys`,
    ends
      ? '// (subjectId|metric|periodStart|periodEnd: the id, then $keySuffix), each with its source and'
      : '// (subjectId|metric|periodStart|periodEnd: the id, then $keySuffix), without their source and',
    '// destination nodes, unfiltered (src/queries/statistics.ts filters them). Past the subjects, every',
    '// step is a lookup by primary key: no statistic is read that the key does not list. The subjects',
    "// are unwound and found by primary key too (matched with IN, the embedded engine scans the kind's",
    '// table and tests each node against the whole list: 10 ms for 153 of 20,000 companies).',
    'UNWIND $subjectIds AS subjectId',
    `MATCH (x:${kind} {id: subjectId})`,
    'WITH x.id + $keySuffix AS key',
    ...keyedStatistics(ends),
    '',
  ].join('\n');
}
