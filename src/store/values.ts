import type { NodeKind } from '../domain/kinds.js';

/** Plain values every store adapter maps its driver's values to. */
export type Scalar = null | boolean | number | string;

export interface GraphNode {
  readonly kind: NodeKind;
  readonly id: string;
  readonly properties: Readonly<Record<string, StoreValue>>;
}

export interface GraphEdge {
  readonly type: string;
  readonly startId: string;
  readonly endId: string;
  readonly properties: Readonly<Record<string, StoreValue>>;
}

export interface GraphPath {
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
}

export type StoreValue =
  Scalar | GraphNode | GraphEdge | GraphPath | readonly StoreValue[] | { readonly [key: string]: StoreValue };

export type Row = Readonly<Record<string, StoreValue>>;

/** Parameter values a statement accepts: JSON-like data; dates travel as ISO strings and `date()` turns them into dates. */
export type ParamValue = Scalar | readonly ParamValue[] | { readonly [key: string]: ParamValue };
export type Params = Readonly<Record<string, ParamValue>>;
