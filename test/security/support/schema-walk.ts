import {
  getNamedType,
  isCompositeType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';

/**
 * Arguments the walk may give to reach a type: values known to return data from the curated
 * dataset. Keyed `field.argument`, then `argument`. A field with a required argument missing here
 * is not used as a way in (fields taking ids are reached through the lists of their kind instead).
 */
const SAMPLES: Record<string, unknown> = {
  first: 1,
  subjects: ['MX'],
  'search.text': 'mexico',
  'paths.from': 'daimay',
  'paths.to': 'usmca',
  'neighbours.id': 'freightliner',
  'excludedMembers.asOf': '2024',
  'ranking.input': {
    membersOf: 'anpact',
    membersAsOf: '2026',
    metric: 'exports',
    period: '2026-01',
    destination: 'US',
  },
};

export function sampleFor(field: string, argument: string): unknown {
  return SAMPLES[`${field}.${argument}`] ?? SAMPLES[argument];
}

/** A GraphQL literal for a JSON-like value (strings as JSON strings, object keys bare). */
export function literal(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(literal).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    return `{ ${Object.entries(value)
      .map(([key, item]) => `${key}: ${literal(item)}`)
      .join(', ')} }`;
  }
  return JSON.stringify(value);
}

/** How to reach an object of a type from the root: wrap a selection on it in `open … close`. */
export interface Access {
  readonly open: string;
  readonly close: string;
  /** Field names along the way, to find the first object in the response. */
  readonly path: readonly string[];
}

/**
 * The shortest way from Query to each object type reachable with sample arguments. Object-typed
 * fields are preferred; interfaces are stepped into (an inline fragment on each implementation)
 * only for types that cannot be reached otherwise, since a fragment applies only when the object
 * found happens to be of its type.
 */
export function accessPaths(schema: GraphQLSchema): Map<string, Access> {
  const query = schema.getQueryType();
  if (!query) throw new Error('the schema has no Query type');
  const found = new Map<string, Access>([[query.name, { open: '', close: '', path: [] }]]);
  for (const throughInterfaces of [false, true]) {
    const queue: string[] = [...found.keys()];
    while (queue.length > 0) {
      const typeName = queue.shift() as string;
      const type = schema.getType(typeName);
      const access = found.get(typeName);
      if (!access || !(isObjectType(type) || isInterfaceType(type))) continue;
      for (const field of Object.values(type.getFields())) {
        const target = getNamedType(field.type);
        if (!isCompositeType(target) || (!isObjectType(target) && !throughInterfaces)) continue;
        const args: string[] = [];
        let usable = true;
        for (const arg of field.args) {
          const sample = sampleFor(field.name, arg.name);
          if (sample !== undefined) args.push(`${arg.name}: ${literal(sample)}`);
          else if (isNonNullType(arg.type) && arg.defaultValue === undefined) usable = false;
        }
        if (!usable) continue;
        const call = `${field.name}${args.length > 0 ? `(${args.join(', ')})` : ''}`;
        const targets: GraphQLNamedType[] = isObjectType(target)
          ? [target]
          : [...schema.getPossibleTypes(target)];
        for (const each of targets) {
          if (found.has(each.name)) continue;
          const spread = isObjectType(target) ? '' : `... on ${each.name} { `;
          found.set(each.name, {
            open: `${access.open}${call} { ${spread}`,
            close: `${spread ? ' }' : ''} }${access.close}`,
            path: [...access.path, field.name],
          });
          queue.push(each.name);
        }
      }
    }
  }
  return found;
}

/** One argument of one field: where hostile values are sent. */
export interface Slot {
  readonly typeName: string;
  readonly field: GraphQLField<unknown, unknown>;
  readonly arg: GraphQLArgument;
}

/** Every argument of every field of every object type in the schema. */
export function argumentSlots(schema: GraphQLSchema): Slot[] {
  const slots: Slot[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || !isObjectType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      for (const arg of field.args) slots.push({ typeName: type.name, field, arg });
    }
  }
  return slots;
}

/** Arguments other than the one under test, filled with samples so the field runs. */
export function otherArguments(slot: Slot): string[] {
  const others: string[] = [];
  for (const arg of slot.field.args) {
    if (arg === slot.arg) continue;
    const sample = sampleFor(slot.field.name, arg.name);
    if (sample !== undefined) others.push(`${arg.name}: ${literal(sample)}`);
    else if (isNonNullType(arg.type) && arg.defaultValue === undefined) {
      throw new Error(`no sample for the required argument ${slot.field.name}(${arg.name})`);
    }
  }
  return others;
}

/** The named type under lists and non-nulls, and how many lists wrap it. */
export function unwrapInput(type: GraphQLInputType): { named: GraphQLNamedType; lists: number } {
  let lists = 0;
  let current: GraphQLInputType = type;
  for (;;) {
    if (isNonNullType(current)) current = current.ofType;
    else if (isListType(current)) {
      lists += 1;
      current = current.ofType as GraphQLInputType;
    } else return { named: current, lists };
  }
}

export { isInputObjectType };
