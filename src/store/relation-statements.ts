import { ENTITY_KINDS, type EntityKind } from '../domain/kinds.js';
import { RELATIONS_OF, relationsOfKindStatementName } from './generated-statements.js';
import { readStatement, type Columns, type Statement, type StatementInfo } from './statements.js';
import type { GraphEdge, GraphNode } from './values.js';

/*
 * The statements that read relationship claims, generated per entity kind (labels cannot be
 * parameters): their typed parameters and rows. Their texts are written by `cypher-generator.ts`.
 */

export type RelationRow = { id: string; node: GraphNode; relationship: GraphEdge; other: GraphNode };

const RELATION_COLUMNS: Columns<RelationRow> = { id: true, node: true, relationship: true, other: true };

/** Each entity's claims are its own rows, whichever other ids are asked with it. */
const BY_ID = { keyedBy: { param: 'ids', column: 'id' } } as const;

const relationsOfKindStatements = new Map(
  ENTITY_KINDS.map((kind) => [
    kind,
    readStatement<{ ids: string[] }, RelationRow>(
      relationsOfKindStatementName(kind),
      ['ids'],
      RELATION_COLUMNS,
      BY_ID,
    ),
  ]),
);

/** A claim's facts, as the statements that name them return them (null where the claim has none). */
export type ClaimFactColumns = {
  source: string | null;
  asOf: string | null;
  role: string | null;
  since: string | null;
  until: string | null;
  note: string | null;
};

/**
 * A `relations-of-<kind>-brief` row: the entity's own row (`node` set, every claim column null), one
 * for each entity found, or one claim touching the entity `id` (`node` null): its type, facts,
 * which way it runs, and the id, kind and name of the entity at its other end.
 */
export type BriefRelationRow = ClaimFactColumns & {
  id: string;
  node: GraphNode | null;
  type: string | null;
  /** True when the claim starts at the entity. */
  outgoing: boolean | null;
  otherId: string | null;
  otherKind: string | null;
  otherName: string | null;
};

/** A `relations-of-<kind>-brief` row that holds a claim. */
export type BriefClaimRow = BriefRelationRow & {
  type: string;
  outgoing: boolean;
  otherId: string;
  otherKind: string;
};

export const isBriefClaimRow = (row: BriefRelationRow): row is BriefClaimRow =>
  row.type !== null && row.outgoing !== null && row.otherId !== null && row.otherKind !== null;

/** The columns of a claim's facts, in a statement's RETURN. */
export const CLAIM_FACT_COLUMNS: Columns<ClaimFactColumns> = {
  source: true,
  asOf: true,
  role: true,
  since: true,
  until: true,
  note: true,
};

const BRIEF_RELATION_COLUMNS: Columns<BriefRelationRow> = {
  id: true,
  node: true,
  type: true,
  outgoing: true,
  ...CLAIM_FACT_COLUMNS,
  otherId: true,
  otherKind: true,
  otherName: true,
};

const briefRelationsOfKindStatements = new Map(
  ENTITY_KINDS.map((kind) => [
    kind,
    readStatement<{ ids: string[] }, BriefRelationRow>(
      relationsOfKindStatementName(kind, { brief: true }),
      ['ids'],
      BRIEF_RELATION_COLUMNS,
      BY_ID,
    ),
  ]),
);

/** Relationship claims touching entities of any kind (one scan per entity kind: prefer relationsOfKind). */
export const relationsOf = readStatement<{ ids: string[] }, RelationRow>(
  RELATIONS_OF,
  ['ids'],
  RELATION_COLUMNS,
  BY_ID,
);

/** Relationship claims touching entities of one kind (the per-kind form of relations-of). */
export function relationsOfKind(kind: EntityKind): Statement<{ ids: string[] }, RelationRow> {
  const statement = relationsOfKindStatements.get(kind);
  if (!statement) throw new Error(`no entity kind ${kind}`);
  return statement;
}

/** Relationship claims touching entities of one kind, with only the id, kind and name of their other ends. */
export function briefRelationsOfKind(kind: EntityKind): Statement<{ ids: string[] }, BriefRelationRow> {
  const statement = briefRelationsOfKindStatements.get(kind);
  if (!statement) throw new Error(`no entity kind ${kind}`);
  return statement;
}

export const RELATION_STATEMENTS: readonly StatementInfo[] = [
  relationsOf,
  ...ENTITY_KINDS.map((kind) => relationsOfKind(kind)),
  ...ENTITY_KINDS.map((kind) => briefRelationsOfKind(kind)),
];
