import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { defaultCypherDirectory } from '../src/store/cypher-catalog';
import { generatedFiles } from '../src/store/cypher-generator';

const directory = defaultCypherDirectory();
const files = generatedFiles();
for (const [file, text] of files) {
  mkdirSync(path.dirname(path.join(directory, file)), { recursive: true });
  writeFileSync(path.join(directory, file), text);
}
process.stdout.write(`wrote ${files.size} statements to ${directory}\n`);
