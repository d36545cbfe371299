import { writeFileSync } from 'node:fs';
import { printedSchema } from '../src/graphql/schema';
import { projectPath } from '../src/paths';

const file = projectPath('schema', 'schema.graphql');
writeFileSync(file, printedSchema());
process.stdout.write(`wrote ${file}\n`);
