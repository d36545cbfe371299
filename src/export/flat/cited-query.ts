import {
  Kind,
  TypeInfo,
  getNamedType,
  getOperationAST,
  isInterfaceType,
  isObjectType,
  parse,
  print,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type FieldNode,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';

/** A query `GET /export.csv` or `tradegraph export --flat` refuses, with what to do instead. */
export class FlatQueryError extends Error {
  override readonly name = 'FlatQueryError';
}

const field = (name: string, selections: readonly FieldNode[] = []): FieldNode => ({
  kind: Kind.FIELD,
  name: { kind: Kind.NAME, value: name },
  ...(selections.length > 0 ? { selectionSet: { kind: Kind.SELECTION_SET, selections } } : {}),
});

/** `source { title publisher published url }`: the citation columns of a flat export. */
const CITATION = field(
  'source',
  ['title', 'publisher', 'published', 'url'].map((name) => field(name)),
);

/**
 * Checks that a GraphQL document is one read-only query (a mutation or subscription is refused:
 * an export never changes data), and adds `source { title publisher published url }` to every
 * selection on a type that cites a source (Statistic, Claim, Edge), so every row of the flat
 * answer names its source whether or not the query asked. GraphQL merges the added selection with
 * one the query already makes. The result is still priced and capped as any other operation.
 */
export function citedQuery(schema: GraphQLSchema, query: string, maxTokens: number): string {
  let document: DocumentNode;
  try {
    document = parse(query, { maxTokens });
  } catch (error) {
    throw new FlatQueryError(`The query is not valid GraphQL: ${(error as Error).message}`);
  }
  const operations = document.definitions.filter((each) => each.kind === Kind.OPERATION_DEFINITION);
  if (operations.length !== 1) {
    throw new FlatQueryError('Give exactly one operation to export (a `query { … }`).');
  }
  const operation = getOperationAST(document);
  if (operation?.operation !== 'query') {
    throw new FlatQueryError(
      `A flat export runs queries only, not a ${operation?.operation ?? 'document without an operation'}.`,
    );
  }
  const typeInfo = new TypeInfo(schema);
  const cited = visit(
    document,
    visitWithTypeInfo(typeInfo, {
      SelectionSet: {
        enter(node: SelectionSetNode) {
          const type = typeInfo.getParentType();
          // The root's `source(id:)` is a lookup, not a citation.
          if (!type || type === schema.getQueryType()) return undefined;
          if (!(isObjectType(type) || isInterfaceType(type))) return undefined;
          const source = type.getFields().source;
          if (!source || getNamedType(source.type).name !== 'Source') return undefined;
          return { ...node, selections: [...node.selections, CITATION] };
        },
      },
    }),
  );
  return print(cited);
}
