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
  /**
   * Runs only in a bulk write (`transaction(work, { bulk: true })`): it reads files staged in the
   * bulk directory, or changes the tables themselves, which the embedded store allows only in the
   * copy of the database a bulk write builds. Statements named `copy-…` are bulk-only too.
   */
  readonly bulkOnly?: true;
  /** A read statement's RETURN columns, as its row type `R` names them (a test runs each on both engines and compares). */
  readonly columns?: readonly string[];
  /** A keyed read (see `KeyedBy`): reads of it waiting for their turn may run as one. */
  readonly keyedBy?: KeyedBy;
  /** Type-only marker for the row shape; never set. */
  readonly rowType?: R;
}

/**
 * A keyed read: its list parameter `param` holds keys (ids), and each key's rows are the same
 * whatever else the list holds, each naming its key in column `column` (no aggregate across keys,
 * no row without its key, and no LIMIT unless `limit` names it). Reads of such a statement with the
 * same other parameters can therefore run as one, on the union of their keys, each caller given the
 * rows of its own keys (src/store/coalesce.ts); a test holds every keyed statement to it on both
 * engines.
 */
export interface KeyedBy {
  readonly param: string;
  readonly column: string;
  /**
   * The parameter of the statement's LIMIT, when it has one: a union of reads runs with that limit
   * times the number of keys. A read whose rows reach its own limit, or every read when the union's
   * rows reach the union's limit, may lack rows it would get alone (which rows a LIMIT keeps is the
   * engine's choice), so it is read again alone.
   */
  readonly limit?: string;
}

/** The named parameters of `P` that hold a number. */
type NumberParam<P> = {
  [K in ColumnName<P>]: P[K] extends number ? K : never;
}[ColumnName<P>];

/** The named parameters of `P` that hold a list of keys. */
type KeyListParam<P> = {
  [K in ColumnName<P>]: P[K] extends readonly string[] ? K : never;
}[ColumnName<P>];

/** The named properties of a row type (an index signature names none). */
type ColumnName<R> = keyof {
  [K in keyof R as string extends K ? never : number extends K ? never : K]: R[K];
} &
  string;

/**
 * Every column of a row type, each once: `{ id: true, node: true }` for `{ id: string; node: GraphNode }`.
 * A column the row type lacks, or one it has left out, does not compile.
 */
export type Columns<R> = { readonly [K in ColumnName<R>]-?: true };

/** A read statement: its parameters, and its RETURN columns, which must be exactly the row type's. */
export function readStatement<P extends Params, R extends Row>(
  name: string,
  params: readonly (keyof P & string)[],
  columns: Columns<R>,
  options: {
    readonly keyedBy?: {
      readonly param: KeyListParam<P>;
      readonly column: ColumnName<R>;
      readonly limit?: NumberParam<P>;
    };
  } = {},
): Statement<P, R> {
  return {
    name,
    params,
    access: 'read',
    columns: Object.keys(columns),
    ...(options.keyedBy ? { keyedBy: options.keyedBy } : {}),
  };
}

export function writeStatement<P extends Params, R extends Row = Row>(
  name: string,
  params: readonly (keyof P & string)[],
): Statement<P, R> {
  return { name, params, access: 'write' };
}

/** A write statement that runs only in a bulk write (see `Statement.bulkOnly`). */
export function bulkStatement(name: string): Statement<Record<string, never>> {
  return { name, params: [], access: 'write', bulkOnly: true };
}

/** Whether a statement runs only in a bulk write: marked so, or a bulk load (`copy-…`). */
export function isBulkOnly(statement: Pick<Statement, 'name' | 'bulkOnly'>): boolean {
  return statement.bulkOnly === true || statement.name.startsWith('copy-');
}

/** What every statement has, whatever its parameter and row types: for catalogs, checks and tests. */
export type StatementInfo = Pick<Statement, 'name' | 'access' | 'columns' | 'bulkOnly' | 'keyedBy'> & {
  readonly params: readonly string[];
};
