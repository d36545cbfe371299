/** The kinds of node in the trade graph. Each kind is one label (Neo4j) or one node table (embedded). */
export const NODE_KINDS = [
  'Company',
  'Plant',
  'Association',
  'Sector',
  'Policy',
  'Statistic',
  'Country',
  'Region',
  'Person',
  'Agency',
  'Source',
] as const;

export type NodeKind = (typeof NODE_KINDS)[number];

/** Kinds a researcher names and links: everything but the statistics and the documents that cite them. */
export const ENTITY_KINDS = [
  'Company',
  'Plant',
  'Association',
  'Sector',
  'Policy',
  'Country',
  'Region',
  'Person',
  'Agency',
] as const satisfies readonly NodeKind[];

export type EntityKind = (typeof ENTITY_KINDS)[number];

export function isNodeKind(value: string): value is NodeKind {
  return (NODE_KINDS as readonly string[]).includes(value);
}

export function isEntityKind(value: string): value is EntityKind {
  return (ENTITY_KINDS as readonly string[]).includes(value);
}
