import { Field, ObjectType, type ClassType } from 'type-graphql';
import { BadUserInputError } from '../errors.js';

@ObjectType({ description: 'Where a page of a connection ends.' })
export class PageInfo {
  @Field(() => Boolean, { description: 'True when more items follow this page.' })
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Pass as `after` to get the next page.' })
  endCursor!: string | null;
}

export interface ConnectionShape<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
}

/** A Relay-style connection type (`<Name>Connection` with `<Name>Edge`s) for an object type. */
export function Connection<T extends object>(
  name: string,
  type: ClassType<T>,
): ClassType<ConnectionShape<T>> {
  @ObjectType(`${name}Edge`, { description: `One ${name} in a page, with its cursor.` })
  class Edge {
    @Field(() => String, { description: 'Opaque position of this item.' })
    cursor!: string;

    @Field(() => type, { description: `The ${name}.` })
    node!: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${name} items in id order.` })
  class ConnectionType {
    @Field(() => [Edge], { description: 'The items of this page.' })
    edges!: Edge[];

    @Field(() => PageInfo, { description: 'Whether more items follow, and where.' })
    pageInfo!: PageInfo;
  }
  return ConnectionType;
}

export const encodeCursor = (id: string): string => Buffer.from(`id:${id}`, 'utf8').toString('base64url');

export function decodeCursor(cursor: string | undefined | null): string {
  if (!cursor) return '';
  const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!decoded.startsWith('id:'))
    throw new BadUserInputError('after: not a cursor this API gave out', 'after');
  return decoded.slice(3);
}

/** Builds a page from `limit + 1` fetched items: the extra one only says that more follow. */
export function toPage<T>(items: readonly T[], limit: number, idOf: (item: T) => string): ConnectionShape<T> {
  const page = items.slice(0, limit);
  const last = page[page.length - 1];
  return {
    edges: page.map((node) => ({ cursor: encodeCursor(idOf(node)), node })),
    pageInfo: {
      hasNextPage: items.length > limit,
      endCursor: last === undefined ? null : encodeCursor(idOf(last)),
    },
  };
}
