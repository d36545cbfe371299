import fc from 'fast-check';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import { METRICS } from '../../../src/domain/metrics';

/** Ids from the curated dataset, an unknown one, and a few that are not ids at all. */
const IDS = [
  'freightliner',
  'international',
  'anpact',
  'MX',
  'US',
  'MX-COA',
  'usmca',
  'daimay',
  'alejandro-osorio',
  'no-such-id',
  "'; MATCH (n) DETACH DELETE n //",
  '',
];
const PERIODS = ['2026-01', '2025', '2024-Q1', '2023-H1', '2025-01/2025-10', '2026-13', '2026', 'soon'];
const CURSORS = [Buffer.from('id:freightliner').toString('base64url'), 'nonsense', ''];

/** Strings: mostly ones the resolvers know, sometimes anything at all (any code point, lone surrogates included). */
function stringFor(argument: string): fc.Arbitrary<string> {
  const known: Record<string, readonly string[]> = {
    metric: [...Object.keys(METRICS), 'gdp'],
    period: PERIODS,
    within: PERIODS,
    membersAsOf: ['2026', '2025', '2023-11'],
    asOf: ['2026', '2025', '2023-11', '2026-01'],
    after: CURSORS,
    text: ['anpact', 'freight', 'asociacion nacional', 'mex', 'x'],
  };
  const choices = known[argument] ?? IDS;
  return fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...choices) },
    { weight: 2, arbitrary: fc.string({ maxLength: 12 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
  );
}

const INT = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: -2, max: 12 }) },
  { weight: 2, arbitrary: fc.constantFrom(0, 1, 6, 7, 199, 200, 201) },
  { weight: 1, arbitrary: fc.constantFrom(-2147483648, 2147483647) },
);

/** A literal for a value of an input type, written as GraphQL (enum values bare, strings quoted). */
function valueFor(type: GraphQLInputType, argument: string, depth = 0): fc.Arbitrary<string> {
  if (isNonNullType(type)) return valueFor(type.ofType, argument, depth);
  if (isListType(type)) {
    const item = valueFor(type.ofType as GraphQLInputType, argument, depth);
    return fc.array(item, { maxLength: 4 }).map((items) => `[${items.join(', ')}]`);
  }
  if (isEnumType(type)) return fc.constantFrom(...type.getValues().map((value) => value.name));
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields());
    return fc
      .tuple(
        ...fields.map((field) =>
          isNonNullType(field.type)
            ? valueFor(field.type, field.name, depth + 1).map((text) => `${field.name}: ${text}`)
            : fc.option(
                valueFor(field.type, field.name, depth + 1).map((text) => `${field.name}: ${text}`),
                { nil: '', freq: 2 },
              ),
        ),
      )
      .map((parts) => `{ ${parts.filter((part) => part !== '').join(', ')} }`);
  }
  switch (type.name) {
    case 'Int':
      return INT.map(String);
    case 'Float':
      return fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => JSON.stringify(n));
    case 'Boolean':
      return fc.boolean().map(String);
    default:
      return stringFor(argument).map((text) => JSON.stringify(text));
  }
}

function argumentsFor(field: GraphQLField<unknown, unknown>): fc.Arbitrary<string> {
  if (field.args.length === 0) return fc.constant('');
  const parts = field.args.map((arg: GraphQLArgument) => {
    const value = valueFor(arg.type, arg.name).map((text) => `${arg.name}: ${text}`);
    // Required arguments are always given; optional ones sometimes, and sometimes null.
    if (isNonNullType(arg.type) && arg.defaultValue === undefined) return value;
    return fc.oneof(
      { weight: 3, arbitrary: fc.constant('') },
      { weight: 3, arbitrary: value },
      { weight: 1, arbitrary: fc.constant(`${arg.name}: null`) },
    );
  });
  return fc.tuple(...parts).map((texts) => {
    const given = texts.filter((text) => text !== '');
    return given.length > 0 ? `(${given.join(', ')})` : '';
  });
}

/**
 * Random operations valid against the schema's types: a few fields per level, their arguments
 * random (in range or not), down to `depth` levels, stepping into interfaces with inline fragments.
 */
export function operations(schema: GraphQLSchema, depth = 4): fc.Arbitrary<string> {
  const memo = new Map<string, fc.Arbitrary<string>>();

  function selection(typeName: string, remaining: number): fc.Arbitrary<string> {
    const key = `${typeName}/${remaining}`;
    const cached = memo.get(key);
    if (cached) return cached;
    const type = schema.getType(typeName);
    if (!isObjectType(type) && !isInterfaceType(type)) throw new Error(`${typeName} has no fields`);
    const choices: fc.Arbitrary<string>[] = [fc.constant('__typename')];
    for (const field of Object.values(type.getFields())) {
      const named = getNamedType(field.type);
      if (isLeafType(named)) {
        choices.push(argumentsFor(field).map((args) => `${field.name}${args}`));
      } else if (remaining > 1) {
        choices.push(
          fc
            .tuple(
              argumentsFor(field),
              fc.constant(null).chain(() => selection(named.name, remaining - 1)),
            )
            .map(([args, inner]) => `${field.name}${args} { ${inner} }`),
        );
      }
    }
    if (isInterfaceType(type) && remaining > 1) {
      for (const possible of schema.getPossibleTypes(type)) {
        choices.push(
          fc
            .constant(null)
            .chain(() => selection(possible.name, remaining - 1))
            .map((inner) => `... on ${possible.name} { ${inner} }`),
        );
      }
    }
    const arbitrary = fc
      .array(fc.nat({ max: choices.length - 1 }), { minLength: 1, maxLength: 4 })
      .chain((picks) => fc.tuple(...picks.map((pick) => choices[pick] as fc.Arbitrary<string>)))
      .map((parts) =>
        parts
          .map((part, i) => (i === 0 ? part : `f${i}: ${part}`).replace(/^f\d+: (\.\.\.)/, '$1'))
          .join(' '),
      );
    memo.set(key, arbitrary);
    return arbitrary;
  }

  const query = schema.getQueryType();
  if (!query) throw new Error('the schema has no Query type');
  return fc.integer({ min: 1, max: depth }).chain((levels) =>
    selection(query.name, levels).map((body) => {
      // Every alias unique, so no two fields of a level can conflict whatever their arguments.
      let alias = 0;
      return `query Fuzz { ${body.replace(/\bf\d+: /g, () => `f${(alias += 1)}: `)} }`;
    }),
  );
}
