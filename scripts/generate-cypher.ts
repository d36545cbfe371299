import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { defaultCypherDirectory } from '../src/store/cypher-catalog';
import { generatedTexts } from '../src/store/generated-statements';

const directory = defaultCypherDirectory();
for (const [name, text] of generatedTexts()) writeFileSync(path.join(directory, `${name}.cypher`), text);
process.stdout.write(`wrote ${generatedTexts().size} statements to ${directory}\n`);
