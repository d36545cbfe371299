import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  isUnionType,
  type GraphQLSchema,
  type GraphQLType,
} from 'graphql';
import type { ComplexityEstimator } from 'graphql-query-complexity';

/**
 * How many objects each introspection list returns on average in this schema: `__Schema.types`
 * returns every type, `__Type.fields` the schema's fields spread over its types, and so on.
 * A type reference's `ofType` is non-null for wrapped types only: its factor is chosen so that a
 * chain of `ofType { ofType { … } }` is priced at the schema's average wrapping.
 */
export interface IntrospectionSizes {
  readonly types: number;
  readonly directives: number;
  /** Per type, per field, per directive: averages over the whole schema. */
  readonly fieldsPerType: number;
  readonly argsPerField: number;
  readonly inputFieldsPerType: number;
  readonly enumValuesPerType: number;
  readonly interfacesPerType: number;
  readonly possibleTypesPerType: number;
  readonly argsPerDirective: number;
  readonly ofType: number;
}

function wrappers(type: GraphQLType): number {
  let count = 0;
  let current: GraphQLType = type;
  while (isNonNullType(current) || isListType(current)) {
    count += 1;
    current = current.ofType;
  }
  return count;
}

function measure(schema: GraphQLSchema): IntrospectionSizes {
  const types = Object.values(schema.getTypeMap());
  let fields = 0;
  let args = 0;
  let inputFields = 0;
  let enumValues = 0;
  let interfaces = 0;
  let possibleTypes = 0;
  let references = 0;
  let wrapped = 0;
  const reference = (type: GraphQLType): void => {
    references += 1;
    wrapped += wrappers(type);
  };
  for (const type of types) {
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        fields += 1;
        reference(field.type);
        for (const arg of field.args) {
          args += 1;
          reference(arg.type);
        }
      }
      interfaces += type.getInterfaces().length;
    }
    if (isInterfaceType(type) || isUnionType(type)) possibleTypes += schema.getPossibleTypes(type).length;
    if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        inputFields += 1;
        reference(field.type);
      }
    }
    if (isEnumType(type)) enumValues += type.getValues().length;
  }
  const directives = schema.getDirectives();
  const directiveArgs = directives.reduce((sum, directive) => sum + directive.args.length, 0);
  const perType = (count: number): number => count / Math.max(1, types.length);
  // ofType objects per reference, w = m + m² + … = m / (1 - m), so m = w / (1 + w).
  const averageWrapping = wrapped / Math.max(1, references);
  return {
    types: types.length,
    directives: directives.length,
    fieldsPerType: perType(fields),
    argsPerField: args / Math.max(1, fields),
    inputFieldsPerType: perType(inputFields),
    enumValuesPerType: perType(enumValues),
    interfacesPerType: perType(interfaces),
    possibleTypesPerType: perType(possibleTypes),
    argsPerDirective: directiveArgs / Math.max(1, directives.length),
    ofType: averageWrapping / (1 + averageWrapping),
  };
}

const measured = new WeakMap<GraphQLSchema, IntrospectionSizes>();

/** The introspection sizes of a schema, measured once per schema. */
export function introspectionSizes(schema: GraphQLSchema): IntrospectionSizes {
  let sizes = measured.get(schema);
  if (!sizes) {
    sizes = measure(schema);
    measured.set(schema, sizes);
  }
  return sizes;
}

/**
 * Prices introspection by what it returns: every object it returns (a type, a field, an argument,
 * an enum value, a type reference…) costs 1, and a list multiplies what is selected under it by
 * the number of objects it returns in this schema (on average, for lists under a type or field).
 * Scalars (names, descriptions, kinds) cost nothing: they ride on their object. So
 * `__schema { types { fields { args { name } } } }` costs about types + fields + arguments, and a
 * document that asks for the schema many times over (under aliases) pays for each copy.
 * Returns nothing for fields outside introspection, leaving them to the other estimators.
 */
export function introspectionEstimator(schema: GraphQLSchema): ComplexityEstimator {
  const sizes = introspectionSizes(schema);
  const lists: Record<string, Record<string, number>> = {
    __Schema: {
      types: sizes.types,
      directives: sizes.directives,
      queryType: 1,
      mutationType: 1,
      subscriptionType: 1,
    },
    __Type: {
      fields: sizes.fieldsPerType,
      interfaces: sizes.interfacesPerType,
      possibleTypes: sizes.possibleTypesPerType,
      enumValues: sizes.enumValuesPerType,
      inputFields: sizes.inputFieldsPerType,
      ofType: sizes.ofType,
    },
    __Field: { args: sizes.argsPerField, type: 1 },
    __InputValue: { type: 1 },
    __Directive: { args: sizes.argsPerDirective },
  };
  return ({ type, field, childComplexity }) => {
    if (field.name === '__schema' || field.name === '__type') return 1 + childComplexity;
    if (!type.name.startsWith('__')) return undefined;
    const multiplier = lists[type.name]?.[field.name];
    if (multiplier !== undefined) return multiplier * (1 + childComplexity);
    // A scalar (name, description, kind, isDeprecated…) or an enum: part of its object.
    const named = getNamedType(field.type);
    return isObjectType(named) ? 1 + childComplexity : 0;
  };
}
