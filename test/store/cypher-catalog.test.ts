import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ENTITY_KINDS } from '../../src/domain/kinds';
import { RELATIONSHIP_TYPES } from '../../src/domain/relationships';
import { ALL_STATEMENTS } from '../../src/store/catalog';
import { EMBEDDED_ONLY_STATEMENTS } from '../../src/store/rebuild-statements';
import {
  CypherCatalog,
  defaultCypherDirectory,
  parametersIn,
  statementFiles,
  statementName,
  stripComments,
} from '../../src/store/cypher-catalog';
import { generatedFiles } from '../../src/store/cypher-generator';
import { SUBJECT_KINDS } from '../../src/store/generated-statements';
import { readStatement } from '../../src/store/statements';

const directory = defaultCypherDirectory();

describe('Cypher catalog', () => {
  test.each(['embedded', 'neo4j'] as const)('every statement resolves in the %s dialect', (dialect) => {
    expect(() => CypherCatalog.load(dialect).verify(ALL_STATEMENTS)).not.toThrow();
  });

  test('the tables a bulk write builds again are the schema’s, and only the embedded store has those steps', () => {
    const embedded = CypherCatalog.load('embedded');
    const creates = EMBEDDED_ONLY_STATEMENTS.filter((s) => s.name.startsWith('create-'));
    // Every table but Meta: the key table on its own, the rest with the statistics.
    const tableOf = (text: string): string =>
      /CREATE (?:NODE|REL) TABLE IF NOT EXISTS (\w+)\(/.exec(text)?.[1] ?? `none in ${text}`;
    const schemaTables = embedded.schema.filter((text) => text.startsWith('CREATE ')).map(tableOf);
    expect(creates.map((s) => tableOf(embedded.text(s))).sort()).toEqual(
      schemaTables.filter((table) => table !== 'Meta').sort(),
    );
    expect(creates.map((s) => s.name)).toEqual(
      expect.arrayContaining([
        'create-statistic-table',
        'create-nodes-company-table',
        'create-claims-member-of-table',
      ]),
    );
    for (const statement of creates) {
      expect(embedded.schema).toContain(stripComments(embedded.text(statement)).trim());
    }
    expect(() => embedded.verify(EMBEDDED_ONLY_STATEMENTS)).not.toThrow();
    const neo4j = CypherCatalog.load('neo4j');
    expect(EMBEDDED_ONLY_STATEMENTS.filter((s) => neo4j.has(s.name))).toEqual([]);
  });

  test('declared parameters are exactly those the dialect texts use', () => {
    // A dialect may ignore a parameter the other needs (search: the Lucene query), so each text
    // uses a subset of the declared names and both together use all of them.
    const catalogs = [CypherCatalog.load('embedded'), CypherCatalog.load('neo4j')];
    const drift = ALL_STATEMENTS.flatMap((s) => {
      const union = [...new Set(catalogs.flatMap((catalog) => parametersIn(catalog.text(s))))].sort();
      const undeclared = union.filter((p) => !s.params.includes(p));
      const unused = s.params.filter((p) => !union.includes(p));
      return undeclared.length + unused.length === 0
        ? []
        : [`${s.name}: undeclared [${undeclared.join(', ')}], unused [${unused.join(', ')}]`];
    });
    expect(drift).toEqual([]);
  });

  test('every .cypher file is a statement the application runs', () => {
    const used = new Set([...ALL_STATEMENTS, ...EMBEDDED_ONLY_STATEMENTS].map((s) => s.name));
    const files = statementFiles(directory).map(statementName);
    expect(files.filter((name) => !used.has(name))).toEqual([]);
  });

  test('generated relationship statements are up to date with the domain model', () => {
    for (const [file, text] of generatedFiles()) {
      expect(readFileSync(path.join(directory, file), 'utf8')).toBe(text);
    }
  });

  test('relations-of and statistics-by-subjects name every entity kind, relationship type and subject kind', () => {
    const catalog = CypherCatalog.load('embedded');
    const labelsAfter = (text: string, variable: string): string[] =>
      (new RegExp(`\\(${variable}:([A-Za-z|]+)\\)`).exec(text)?.[1] ?? '').split('|').sort();
    const relations = catalog.text('relations-of');
    expect(labelsAfter(relations, 'a')).toEqual([...ENTITY_KINDS].sort());
    expect(labelsAfter(relations, 'b')).toEqual([...ENTITY_KINDS].sort());
    expect((/\[r:([A-Z_|]+)\]/.exec(relations)?.[1] ?? '').split('|').sort()).toEqual(
      Object.keys(RELATIONSHIP_TYPES).sort(),
    );
    expect(labelsAfter(catalog.text('statistics-by-subjects'), 'x')).toEqual([...SUBJECT_KINDS].sort());
  });

  test('cypher/generated/ holds only generated statements, and they only', () => {
    const generated = [...generatedFiles().keys()].sort();
    expect(statementFiles(directory).filter((f) => f.startsWith('generated/'))).toEqual(generated);
  });

  test('statements are found in subfolders, and a name in two folders fails the load', () => {
    const scratch = mkdtempSync(path.join(os.tmpdir(), 'tradegraph-cypher-'));
    try {
      cpSync(directory, scratch, { recursive: true });
      expect(CypherCatalog.load('embedded', scratch).text('association-members')).toBe(
        CypherCatalog.load('embedded').text('association-members'),
      );
      writeFileSync(path.join(scratch, 'store', 'get-meta.cypher'), 'RETURN 1 AS value');
      expect(() => CypherCatalog.load('embedded', scratch)).not.toThrow();
      writeFileSync(path.join(scratch, 'relations', 'get-meta.neo4j.cypher'), 'RETURN 1 AS value');
      expect(() => CypherCatalog.load('embedded', scratch)).toThrow(
        'two Cypher files for one statement: cypher/relations/get-meta.neo4j.cypher and cypher/store/get-meta.cypher',
      );
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });

  test('a missing statement fails at start-up, naming its file', () => {
    const catalog = CypherCatalog.load('embedded');
    expect(() => catalog.verify([readStatement('no-such-statement', [], {})])).toThrow(
      'missing Cypher for the embedded store: cypher/no-such-statement.cypher',
    );
  });

  test('user input never becomes Cypher text: every value is a $parameter', () => {
    // Statements are read from files and never concatenated; no file contains a template marker.
    for (const name of CypherCatalog.load('embedded').names()) {
      expect(CypherCatalog.load('embedded').text(name)).not.toMatch(/\$\{|%s|\{\{/);
    }
  });

  test('parameters are found outside comments and strings only', () => {
    expect(parametersIn("// uses $ghost\nMATCH (n {id: $id}) WHERE n.name = '$notParam' RETURN n")).toEqual([
      'id',
    ]);
    expect(stripComments("RETURN 'http://x' AS url // note")).toBe("RETURN 'http://x' AS url ");
  });
});
