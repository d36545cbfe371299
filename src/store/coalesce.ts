import { StoreTimeoutError, StoreUnavailableError } from './errors.js';
import type { KeyedBy, Statement } from './statements.js';
import type { Params, Row } from './values.js';

/**
 * Runs a read once it has its turn: `params()` is called when the statement is about to run, so
 * that reads joining while it waited are part of it.
 */
export type TurnRunner = (statement: NamedStatement, params: () => Params) => Promise<Row[]>;

/** A keyed statement, as coalescing needs it. */
type KeyedStatement = NamedStatement & { readonly keyedBy: KeyedBy };

/** What running a statement needs of it. */
export type NamedStatement = Pick<Statement, 'name'>;

/** How many reads coalesced, for benchmarks and tests. */
export interface CoalescingCounts {
  /** Statements run for coalesced reads. */
  readonly statements: number;
  /** Reads those statements answered. */
  readonly reads: number;
}

/** Keys of one statement run at most: a larger union starts another group. */
const MAX_KEYS = 1_000;

interface Member {
  readonly keys: readonly string[];
  readonly params: Params;
  readonly resolve: (rows: Row[]) => void;
  readonly reject: (error: unknown) => void;
}

interface Group {
  readonly statement: KeyedStatement;
  readonly keys: Set<string>;
  readonly members: Member[];
}

/**
 * Reads of a keyed statement (`Statement.keyedBy`) that wait for their turn, with the same other
 * parameters, run as one statement on the union of their keys; each caller gets the rows of its
 * own keys, in the statement's order. Concurrent requests asking the same kind of thing (each
 * entity's claims, nodes by id, a subject's statistics) then cost one statement between them
 * instead of one each: on the embedded engine a statement's cost is mostly the same whatever its
 * key list (it is planned again at every execution), so under load the engine serves more reads.
 * Reads run alone when a connection is free: nothing waits to be coalesced.
 *
 * A coalesced statement that fails is run again for each of its reads alone (one caller's keys
 * never fail another's read), unless the store timed out or closed, which would fail them all.
 */
export class ReadCoalescer {
  private readonly forming = new Map<string, Group>();
  private statements = 0;
  private reads = 0;

  constructor(private readonly runInTurn: TurnRunner) {}

  get counts(): CoalescingCounts {
    return { statements: this.statements, reads: this.reads };
  }

  /** Joins (or starts) the group of reads waiting to run `statement` with these other parameters. */
  read<P extends Params, R extends Row>(
    statement: Statement<P, R> & { readonly keyedBy: KeyedBy },
    params: P,
  ): Promise<R[]> {
    const keys = keysOf(statement, params);
    const groupKey = `${statement.name}\u0000${otherParams(params, statement.keyedBy.param)}`;
    const forming = this.forming.get(groupKey);
    const group = forming && forming.keys.size + keys.length <= MAX_KEYS ? forming : undefined;
    const joined: Group = group ?? { statement, keys: new Set(), members: [] };
    for (const key of keys) joined.keys.add(key);
    const answer = new Promise<R[]>((resolve, reject) => {
      joined.members.push({ keys, params, resolve: resolve as (rows: Row[]) => void, reject });
    });
    if (!group) this.start(groupKey, joined);
    return answer;
  }

  private start(groupKey: string, group: Group): void {
    this.forming.set(groupKey, group);
    const { statement } = group;
    const close = (): Params => {
      if (this.forming.get(groupKey) === group) this.forming.delete(groupKey);
      const first = group.members[0] as Member;
      const { param, limit } = statement.keyedBy;
      return {
        ...first.params,
        [param]: [...group.keys],
        ...(limit === undefined ? {} : { [limit]: unionLimit(group) }),
      };
    };
    this.runInTurn(statement, close).then(
      (rows) => this.settle(group, rows),
      (error: unknown) => this.fail(groupKey, group, error),
    );
  }

  private settle(group: Group, rows: Row[]): void {
    this.statements += 1;
    this.reads += group.members.length;
    if (group.members.length === 1) {
      (group.members[0] as Member).resolve(rows);
      return;
    }
    const answers = group.members.map(() => [] as Row[]);
    const membersOfKey = new Map<string, number[]>();
    group.members.forEach((member, index) => {
      for (const key of new Set(member.keys)) {
        const members = membersOfKey.get(key);
        if (members) members.push(index);
        else membersOfKey.set(key, [index]);
      }
    });
    const { column, limit } = group.statement.keyedBy;
    for (const row of rows) {
      for (const index of membersOfKey.get(String(row[column])) ?? []) (answers[index] as Row[]).push(row);
    }
    // Under a LIMIT, a read is answered by the union only when it surely holds all its rows; the
    // others are read again alone, once for each list of keys however many reads asked it.
    const capped = limit !== undefined && rows.length >= unionLimit(group);
    const again = new Map<string, Promise<Row[]>>();
    group.members.forEach((member, index) => {
      const answer = answers[index] as Row[];
      if (limit === undefined || (!capped && answer.length < limitOf(group.statement, member.params))) {
        member.resolve(answer);
        return;
      }
      const keys = JSON.stringify(member.keys);
      const alone = again.get(keys) ?? this.runInTurn(group.statement, () => member.params);
      again.set(keys, alone);
      alone.then((found) => member.resolve([...found]), member.reject);
    });
  }

  private fail(groupKey: string, group: Group, error: unknown): void {
    // A failure before its turn (the store closed, no connection in time) leaves it forming.
    if (this.forming.get(groupKey) === group) this.forming.delete(groupKey);
    const alone =
      group.members.length > 1 &&
      !(error instanceof StoreTimeoutError || error instanceof StoreUnavailableError);
    for (const member of group.members) {
      if (!alone) {
        member.reject(error);
        continue;
      }
      this.runInTurn(group.statement, () => member.params).then(member.resolve, member.reject);
    }
  }
}

/** The LIMIT of a group's statement: each read's own limit (they are equal) times its keys. */
function unionLimit(group: Group): number {
  const first = group.members[0] as Member;
  const own = limitOf(group.statement, first.params);
  return group.members.length > 1 ? own * group.keys.size : own;
}

/** The LIMIT a read of a statement with a per-read limit asked for. */
function limitOf(statement: KeyedStatement, params: Params): number {
  const name = statement.keyedBy.limit ?? '';
  const value = params[name];
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw new TypeError(
      `statement "${statement.name}" is limited by $${name}, which was not a positive integer`,
    );
  }
  return value;
}

function keysOf(statement: KeyedStatement, params: Params): readonly string[] {
  const keys = params[statement.keyedBy.param];
  if (!Array.isArray(keys)) {
    throw new TypeError(
      `statement "${statement.name}" is keyed by $${statement.keyedBy.param}, which was not a list`,
    );
  }
  return keys.map(String);
}

/** The parameters other than the keys, as one string: reads with equal ones may share a statement. */
function otherParams(params: Params, keyParam: string): string {
  return JSON.stringify(
    Object.keys(params)
      .filter((name) => name !== keyParam)
      .sort()
      .map((name) => [name, params[name]]),
  );
}
