import { readFileSync } from 'node:fs';
import { NODE_KINDS, type NodeKind } from '../domain/kinds.js';
import { RELATIONSHIP_TYPES, type RelationshipType } from '../domain/relationships.js';
import { projectPath } from '../paths.js';
import { splitStatements } from './cypher-catalog.js';
import { GENERATED } from './generated-header.js';
import { relationshipPairs, slug } from './generated-statements.js';

/*
 * Building the node tables other than Statistic, and the claim tables between them, again in a
 * bulk write that builds the Statistic table again (src/store/rebuild-statements.ts; embedded
 * engine only). Their statements' names, and texts written from the embedded schema itself, so a
 * table made again has exactly the schema's columns.
 */

/** The node tables built again with the statistics: every kind but Statistic. */
export const REBUILT_NODE_KINDS = NODE_KINDS.filter(
  (kind): kind is Exclude<NodeKind, 'Statistic'> => kind !== 'Statistic',
);
export type RebuiltNodeKind = (typeof REBUILT_NODE_KINDS)[number];

/** The claim tables built again with them: every relationship type. */
export const REBUILT_CLAIM_TYPES = Object.keys(RELATIONSHIP_TYPES) as RelationshipType[];

/** A node table's name while it is set aside (as StatisticSetAside). */
export const setAsideNodeTable = (kind: NodeKind): string => `${kind}SetAside`;
const setAsideClaimTable = (type: RelationshipType): string => `${type}_SET_ASIDE`;

export const setAsideNodesStatementName = (kind: RebuiltNodeKind): string => `set-aside-nodes-${slug(kind)}`;
export const createNodesTableStatementName = (kind: RebuiltNodeKind): string =>
  `create-nodes-${slug(kind)}-table`;
export const copySetAsideNodesStatementName = (kind: RebuiltNodeKind): string =>
  `copy-set-aside-nodes-${slug(kind)}`;
export const dropSetAsideNodesStatementName = (kind: RebuiltNodeKind): string =>
  `drop-set-aside-nodes-${slug(kind)}`;

export const setAsideClaimsStatementName = (type: RelationshipType): string =>
  `set-aside-claims-${slug(type)}`;
export const createClaimsTableStatementName = (type: RelationshipType): string =>
  `create-claims-${slug(type)}-table`;
export const copySetAsideClaimsStatementName = (
  type: RelationshipType,
  from: NodeKind,
  to: NodeKind,
): string => `copy-set-aside-claims-${slug(type)}-${slug(from)}-${slug(to)}`;
export const dropSetAsideClaimsStatementName = (type: RelationshipType): string =>
  `drop-set-aside-claims-${slug(type)}`;

/** The embedded schema's CREATE statement of a table, and its columns (without the FROM/TO pairs). */
function schemaTable(
  schema: readonly string[],
  table: string,
): { readonly create: string; readonly columns: string[] } {
  const create = schema.find((statement) =>
    new RegExp(`^CREATE (NODE|REL) TABLE IF NOT EXISTS ${table}\\(`).test(statement),
  );
  if (create === undefined) throw new Error(`cypher/schema/embedded.cypher creates no table ${table}`);
  const inside = create.slice(create.indexOf('(') + 1, create.lastIndexOf(')'));
  const columns = inside
    .split(',')
    .map((part) => part.trim())
    .filter((part) => !/^FROM \w+ TO \w+$/.test(part))
    .map((part) => part.split(/\s+/)[0] as string);
  return { create, columns };
}

function embeddedSchema(): string[] {
  return splitStatements(readFileSync(projectPath('cypher', 'schema', 'embedded.cypher'), 'utf8'));
}

const file = (...lines: string[]): string => [GENERATED, ...lines, ''].join('\n');

/** The three statements every rebuilt table has besides its copies: set aside, made again, dropped. */
function setAsideCreateDrop(
  texts: Map<string, string>,
  table: string,
  aside: string,
  create: string,
  names: { readonly setAside: string; readonly create: string; readonly drop: string },
): void {
  texts.set(
    `${names.setAside}.embedded`,
    file(
      `// Renames the ${table} table while the tables are built again, so that a new one, loaded in`,
      '// bulk, takes its rows (src/store/rebuild-statements.ts).',
      `ALTER TABLE ${table} RENAME TO ${aside}`,
    ),
  );
  texts.set(
    `${names.create}.embedded`,
    file(`// The empty ${table} table: the schema's own statement (cypher/schema/embedded.cypher).`, create),
  );
  texts.set(
    `${names.drop}.embedded`,
    file(`// Drops the set-aside ${table} table, its rows loaded into the new one.`, `DROP TABLE ${aside}`),
  );
}

/** Every statement of the node and claim tables' rebuild: file name (with `.embedded`) to text. */
export function tableRebuildTexts(): Map<string, string> {
  const schema = embeddedSchema();
  const texts = new Map<string, string>();
  for (const kind of REBUILT_NODE_KINDS) {
    const { create, columns } = schemaTable(schema, kind);
    const aside = setAsideNodeTable(kind);
    setAsideCreateDrop(texts, kind, aside, create, {
      setAside: setAsideNodesStatementName(kind),
      create: createNodesTableStatementName(kind),
      drop: dropSetAsideNodesStatementName(kind),
    });
    texts.set(
      `${copySetAsideNodesStatementName(kind)}.embedded`,
      file(
        `// Loads the set-aside ${kind} rows into the new table, in bulk.`,
        `COPY ${kind} FROM (MATCH (n:${aside}) RETURN ${columns.map((column) => `n.${column}`).join(', ')})`,
      ),
    );
  }
  for (const type of REBUILT_CLAIM_TYPES) {
    const { create, columns } = schemaTable(schema, type);
    const aside = setAsideClaimTable(type);
    setAsideCreateDrop(texts, type, aside, create, {
      setAside: setAsideClaimsStatementName(type),
      create: createClaimsTableStatementName(type),
      drop: dropSetAsideClaimsStatementName(type),
    });
    for (const [pairType, from, to] of relationshipPairs()) {
      if (pairType !== type) continue;
      texts.set(
        `${copySetAsideClaimsStatementName(type, from, to)}.embedded`,
        file(
          `// Loads the set-aside ${type} claims from a ${from} to a ${to} into the new table, in bulk.`,
          `COPY ${type} FROM (`,
          `  MATCH (a:${setAsideNodeTable(from)})-[r:${aside}]->(b:${setAsideNodeTable(to)})`,
          `  RETURN a.id, b.id, ${columns.map((column) => `r.${column}`).join(', ')}`,
          `) (from='${from}', to='${to}')`,
        ),
      );
    }
  }
  return texts;
}
