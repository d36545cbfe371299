import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { defaultCypherDirectory } from '../src/store/cypher-catalog';
import { generatedLinkTexts } from '../src/store/link-statements';

const directory = defaultCypherDirectory();
for (const [name, text] of generatedLinkTexts()) writeFileSync(path.join(directory, `${name}.cypher`), text);
process.stdout.write(`wrote ${generatedLinkTexts().size} statements to ${directory}\n`);
