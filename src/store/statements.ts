import type { Params, Row } from './values.js';

/**
 * A named Cypher statement: its text lives in `cypher/<name>.cypher` (or one file per dialect,
 * `<name>.embedded.cypher` / `<name>.neo4j.cypher`). `P` types its parameters and `R` its rows;
 * `params` lists the parameter names so a test can hold them against the text.
 */
export interface Statement<P extends Params = Params, R extends Row = Row> {
  readonly name: string;
  readonly params: readonly (keyof P & string)[];
  readonly access: 'read' | 'write';
  /** Type-only marker for the row shape; never set. */
  readonly rowType?: R;
}

export function readStatement<P extends Params, R extends Row>(
  name: string,
  params: readonly (keyof P & string)[],
): Statement<P, R> {
  return { name, params, access: 'read' };
}

export function writeStatement<P extends Params, R extends Row = Row>(
  name: string,
  params: readonly (keyof P & string)[],
): Statement<P, R> {
  return { name, params, access: 'write' };
}

/** What every statement has, whatever its parameter and row types: for catalogs, checks and tests. */
export type StatementInfo = Pick<Statement, 'name' | 'access'> & { readonly params: readonly string[] };
