import { readFileSync } from 'node:fs';
import { isInputObjectType, isInterfaceType, isObjectType, isEnumType } from 'graphql';
import { printedSchema, tradeGraphSchema } from '../../src/graphql/schema';
import { projectPath } from '../../src/paths';

describe('GraphQL schema', () => {
  test('schema/schema.graphql is the printed, sorted schema (run `npm run schema:print` when this fails)', () => {
    expect(readFileSync(projectPath('schema', 'schema.graphql'), 'utf8')).toBe(printedSchema());
  });

  test('every type, field and argument has a description', () => {
    const missing: string[] = [];
    for (const type of Object.values(tradeGraphSchema().getTypeMap())) {
      if (type.name.startsWith('__') || ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name))
        continue;
      if (!type.description) missing.push(type.name);
      if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) missing.push(`${type.name}.${field.name}`);
          for (const arg of 'args' in field ? field.args : []) {
            if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
          }
        }
      }
      if (isEnumType(type)) {
        for (const value of type.getValues())
          if (!value.description) missing.push(`${type.name}.${value.name}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
