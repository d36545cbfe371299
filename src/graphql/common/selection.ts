import {
  getNamedType,
  isObjectType,
  Kind,
  type FieldNode,
  type GraphQLResolveInfo,
  type SelectionSetNode,
} from 'graphql';

/**
 * Whether the field being resolved selects, below the fields of `path` (none: on its own value), a
 * field that passes `test`, directly or through fragments, whatever their directives: a field left
 * out by `@skip` still counts, so callers err on the side of reading more.
 */
function selectsSome(
  info: GraphQLResolveInfo,
  test: (field: FieldNode) => boolean,
  path: readonly string[] = [],
): boolean {
  const seen = new Set<string>();
  const search = (set: SelectionSetNode | undefined, below: readonly string[]): boolean =>
    (set?.selections ?? []).some((selection) => {
      switch (selection.kind) {
        case Kind.FIELD: {
          const [next, ...rest] = below;
          if (next === undefined) return test(selection);
          return selection.name.value === next && search(selection.selectionSet, rest);
        }
        case Kind.INLINE_FRAGMENT:
          return search(selection.selectionSet, below);
        case Kind.FRAGMENT_SPREAD: {
          const visit = `${selection.name.value}|${below.join('.')}`;
          if (seen.has(visit)) return false;
          seen.add(visit);
          return search(info.fragments[selection.name.value]?.selectionSet, below);
        }
      }
    });
  return info.fieldNodes.some((node) => search(node.selectionSet, path));
}

/**
 * The fields the field being resolved selects, on the object it returns, whose type is the named
 * type (`[Relation]` for `Relation`), directly or through fragments, by name.
 */
export function selectedFieldsOfType(info: GraphQLResolveInfo, typeName: string): string[] {
  const parent = getNamedType(info.returnType);
  if (!isObjectType(parent)) return [];
  const fields = parent.getFields();
  const found = new Set<string>();
  selectsSome(info, (selection) => {
    const field = fields[selection.name.value];
    if (field !== undefined && getNamedType(field.type).name === typeName) found.add(field.name);
    return false;
  });
  return [...found];
}

/**
 * Whether the field being resolved selects, on the object it returns, a field whose type is the
 * named type (`[Relation]` for `Relation`), directly or through fragments. Lookups use it to fetch
 * what the selection will need in the same statement as the node itself.
 */
export function selectsFieldOfType(info: GraphQLResolveInfo, typeName: string): boolean {
  return selectedFieldsOfType(info, typeName).length > 0;
}

/**
 * Whether the field being resolved selects nothing on its value but these fields (`id`, `kind`,
 * `__typename`), directly or through fragments: then a value known by its id and kind needs no
 * lookup of its node. `under` looks below a path of fields instead (`['node']`: nothing selected
 * on the value's node but these), and holds when nothing is selected there at all.
 */
export function selectsOnly(
  info: GraphQLResolveInfo,
  names: readonly string[],
  under: readonly string[] = [],
): boolean {
  return !selectsSome(info, (selection) => !names.includes(selection.name.value), under);
}

/**
 * Whether the field being resolved selects, on its value, any of these fields (`source`,
 * `destination`), directly or through fragments; `under` looks below a path of fields instead
 * (`['comparedTo']`: the fields selected on the value's comparedTo).
 */
export function selectsAnyOf(
  info: GraphQLResolveInfo,
  names: readonly string[],
  under: readonly string[] = [],
): boolean {
  return selectsSome(info, (selection) => names.includes(selection.name.value), under);
}
