import { getNamedType, isObjectType, Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/**
 * Whether the field being resolved selects, on the object it returns, a field whose type is the
 * named type (`[Relation]` for `Relation`), directly or through fragments. Lookups use it to fetch
 * what the selection will need in the same statement as the node itself.
 */
export function selectsFieldOfType(info: GraphQLResolveInfo, typeName: string): boolean {
  const parent = getNamedType(info.returnType);
  if (!isObjectType(parent)) return false;
  const fields = parent.getFields();
  const seen = new Set<string>();
  const search = (set: SelectionSetNode | undefined): boolean =>
    (set?.selections ?? []).some((selection) => {
      switch (selection.kind) {
        case Kind.FIELD: {
          const field = fields[selection.name.value];
          return field !== undefined && getNamedType(field.type).name === typeName;
        }
        case Kind.INLINE_FRAGMENT:
          return search(selection.selectionSet);
        case Kind.FRAGMENT_SPREAD: {
          const name = selection.name.value;
          if (seen.has(name)) return false;
          seen.add(name);
          return search(info.fragments[name]?.selectionSet);
        }
      }
    });
  return info.fieldNodes.some((node) => search(node.selectionSet));
}

/**
 * Whether the field being resolved selects nothing on its value but these fields (`id`, `kind`,
 * `__typename`), directly or through fragments: then a value known by its id and kind needs no
 * lookup of its node.
 */
export function selectsOnly(info: GraphQLResolveInfo, names: readonly string[]): boolean {
  const seen = new Set<string>();
  const only = (set: SelectionSetNode | undefined): boolean =>
    (set?.selections ?? []).every((selection) => {
      switch (selection.kind) {
        case Kind.FIELD:
          return names.includes(selection.name.value);
        case Kind.INLINE_FRAGMENT:
          return only(selection.selectionSet);
        case Kind.FRAGMENT_SPREAD: {
          const name = selection.name.value;
          if (seen.has(name)) return true;
          seen.add(name);
          return only(info.fragments[name]?.selectionSet);
        }
      }
    });
  return info.fieldNodes.every((node) => only(node.selectionSet));
}

/**
 * Whether the field being resolved selects, on its value, any of these fields (`source`,
 * `destination`), directly or through fragments, whatever their directives: a field left out by
 * `@skip` still counts, so the answer errs on the side of reading more. `under` looks below a path
 * of fields instead (`['comparedTo']`: the fields selected on the value's comparedTo).
 */
export function selectsAnyOf(
  info: GraphQLResolveInfo,
  names: readonly string[],
  under: readonly string[] = [],
): boolean {
  const seen = new Set<string>();
  const search = (set: SelectionSetNode | undefined, path: readonly string[]): boolean =>
    (set?.selections ?? []).some((selection) => {
      switch (selection.kind) {
        case Kind.FIELD: {
          const [next, ...rest] = path;
          if (next === undefined) return names.includes(selection.name.value);
          return selection.name.value === next && search(selection.selectionSet, rest);
        }
        case Kind.INLINE_FRAGMENT:
          return search(selection.selectionSet, path);
        case Kind.FRAGMENT_SPREAD: {
          const name = selection.name.value;
          const visit = `${name}|${path.join('.')}`;
          if (seen.has(visit)) return false;
          seen.add(visit);
          return search(info.fragments[name]?.selectionSet, path);
        }
      }
    });
  return info.fieldNodes.some((node) => search(node.selectionSet, under));
}
