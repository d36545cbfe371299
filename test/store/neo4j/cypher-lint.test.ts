import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { NODE_KINDS } from '../../../src/domain/kinds.js';
import { projectRoot } from '../../../src/paths.js';
import { RELATIONSHIP_TYPES, STATISTIC_LINKS } from '../../../src/domain/relationships.js';
import { ALL_STATEMENTS } from '../../../src/store/catalog.js';
import { CypherCatalog, parametersIn } from '../../../src/store/cypher-catalog.js';
import type * as LanguageSupport from '@neo4j-cypher/language-support' with { 'resolution-mode': 'import' };
import type {
  DbSchema,
  Neo4jFunction,
  Neo4jProcedure,
  ScopedRegistry,
} from '@neo4j-cypher/language-support' with { 'resolution-mode': 'import' };

/*
 * The linter is an ES module with a CommonJS build: `require` loads that build from this CommonJS
 * test, and the type-only imports above borrow its declarations without emitting an import.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { lintCypherQuery, testData } = require('@neo4j-cypher/language-support') as typeof LanguageSupport;

function filterRegistry<T>(
  scoped: ScopedRegistry<T> | undefined,
  keep: (name: string, item: T) => boolean,
): ScopedRegistry<T> {
  return Object.fromEntries(
    Object.entries(scoped ?? {}).map(([version, registry]) => [
      version,
      Object.fromEntries(Object.entries(registry ?? {}).filter(([name, item]) => keep(name, item))),
    ]),
  );
}

/**
 * Functions and procedures of Neo4j Server. The package ships the catalogue of a real server as
 * `testData.mockSchema` (per Cypher version, with the APOC and GDS plugins installed); only the
 * built-in functions and the procedures outside `apoc.*`/`gds.*` are kept, since the Docker image
 * runs plain Neo4j 5. Given these lists, the linter reports any function or procedure outside
 * them (Kuzu's `label()`, `rels()`, …); without them it does not check names at all.
 */
const functions = filterRegistry<Neo4jFunction>(testData.mockSchema.functions, (_, f) => f.isBuiltIn);
const procedures = filterRegistry<Neo4jProcedure>(
  testData.mockSchema.procedures,
  (name) => !/^(apoc|gds)\./.test(name),
);

/** Property keys of the graph: the columns of the embedded schema, which declares every property once. */
function graphPropertyKeys(): string[] {
  const keys = new Set<string>();
  for (const statement of CypherCatalog.load('embedded').schema) {
    const columns = /^CREATE (?:NODE|REL) TABLE IF NOT EXISTS \w+\s*\(([\s\S]*)\)$/.exec(statement)?.[1];
    for (const column of columns?.split(',') ?? []) {
      const [first] = column.trim().split(/\s+/);
      if (first && first !== 'FROM') keys.add(first);
    }
  }
  return [...keys];
}

/** Fields of `$rows` items read as `row.field`, which the linter cannot tell from node properties. */
const ROW_FIELDS = ['from', 'to', 'target', 'key', 'ids'];

const neo4jSchema: DbSchema = {
  defaultLanguage: 'CYPHER 5',
  functions,
  procedures,
  labels: [...NODE_KINDS, 'StatisticKey', 'Meta'],
  relationshipTypes: [...Object.keys(RELATIONSHIP_TYPES), ...Object.keys(STATISTIC_LINKS)],
  propertyKeys: [...graphPropertyKeys(), ...ROW_FIELDS],
  graphSchema: [
    ...Object.entries(RELATIONSHIP_TYPES).flatMap(([relType, definition]) =>
      definition.from.flatMap((from) => definition.to.map((to) => ({ from, to, relType }))),
    ),
    ...Object.entries(STATISTIC_LINKS).flatMap(([relType, definition]) =>
      definition.to.map((to) => ({ from: 'Statistic', to, relType })),
    ),
  ],
};

/** Diagnostics of one statement, except undeclared parameters (the linter knows no parameter values). */
function lint(text: string, schema: DbSchema): string[] {
  return lintCypherQuery(text, schema)
    .diagnostics.map((d) => ({
      at: `${d.range.start.line + 1}:${d.range.start.character + 1}`,
      message: typeof d.message === 'string' ? d.message : d.message.value,
    }))
    .filter((d) => !/^Parameter \$\S+ is not defined\.$/.test(d.message))
    .map((d) => `${d.at} ${d.message}`);
}

/*
 * The linter takes about half a second a statement, whatever its length (about 50 s for the catalog
 * on a busy two-core machine), and its answer is a pure function of its version, the schema and the
 * text. So each distinct text is linted once, and its diagnostics kept under a key hashing the three:
 * - in var/cache/cypher-lint/ for this checkout's later runs;
 * - for the catalog's statements, also in cypher-lint.results.json beside this file, committed, so a
 *   fresh clone (CI) lints only the statements changed since it was written. A changed text, schema
 *   or linter version has a key the file lacks, and is linted for real.
 * TRADEGRAPH_CYPHER_LINT_RECORD=1 rewrites that file with the keys this run used (after linting what
 * it lacked). The "lint catches" tests below always run the linter.
 */
const LINTER_VERSION = (
  JSON.parse(
    readFileSync(
      path.join(require.resolve('@neo4j-cypher/language-support'), '..', '..', '..', 'package.json'),
      'utf8',
    ),
  ) as { version: string }
).version;
const CACHE = path.join(projectRoot(), 'var', 'cache', 'cypher-lint');
const RECORDED_FILE = path.join(__dirname, 'cypher-lint.results.json');
const recorded = existsSync(RECORDED_FILE)
  ? (JSON.parse(readFileSync(RECORDED_FILE, 'utf8')) as Record<string, string[]>)
  : {};
const usedFromCatalog = new Map<string, string[]>();
let lintedLive = 0;
const schemaHashes = new WeakMap<DbSchema, string>();
const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

function problems(
  text: string,
  schema: DbSchema = neo4jSchema,
  options: { catalog?: boolean } = {},
): string[] {
  let schemaHash = schemaHashes.get(schema);
  if (schemaHash === undefined) {
    schemaHash = sha256(JSON.stringify(schema));
    schemaHashes.set(schema, schemaHash);
  }
  const key = sha256(`${LINTER_VERSION}\n${schemaHash}\n${text}`);
  const found = (options.catalog ? recorded[key] : undefined) ?? cachedOrLinted(key, text, schema);
  if (options.catalog) usedFromCatalog.set(key, found);
  return found;
}

function cachedOrLinted(key: string, text: string, schema: DbSchema): string[] {
  const file = path.join(CACHE, `${key}.json`);
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as string[];
  } catch {
    const found = lint(text, schema);
    lintedLive += 1;
    mkdirSync(CACHE, { recursive: true });
    // Written aside and renamed: a reader never sees half a file.
    writeFileSync(`${file}.${process.pid}`, JSON.stringify(found));
    renameSync(`${file}.${process.pid}`, file);
    return found;
  }
}

afterAll(() => {
  const missing = [...usedFromCatalog.keys()].filter((key) => !(key in recorded)).length;
  if (process.env.TRADEGRAPH_CYPHER_LINT_RECORD === '1') {
    const entries = [...usedFromCatalog].sort(([a], [b]) => a.localeCompare(b));
    writeFileSync(RECORDED_FILE, `${JSON.stringify(Object.fromEntries(entries), null, 2)}\n`);
  } else if (missing > 0) {
    process.stderr.write(
      `cypher lint: ${missing} catalog statement(s) not in ${path.basename(RECORDED_FILE)} ` +
        `(${lintedLive} linted in this run); TRADEGRAPH_CYPHER_LINT_RECORD=1 records them\n`,
    );
  }
});

const catalog = CypherCatalog.load('neo4j');

test('Neo4j Cypher: the linter knows the server functions and procedures', () => {
  const builtIns = Object.keys(functions['CYPHER 5'] ?? {});
  expect(builtIns.length).toBeGreaterThan(100);
  expect(builtIns).toEqual(expect.arrayContaining(['labels', 'type', 'date', 'relationships', 'nodes']));
  expect(builtIns).not.toContain('label');
  expect(Object.keys(procedures['CYPHER 5'] ?? {})).toContain('db.index.fulltext.queryNodes');
});

test('Neo4j Cypher: every statement lints clean', () => {
  const failures = catalog
    .names()
    .map((name) => ({ name, problems: problems(catalog.text(name), neo4jSchema, { catalog: true }) }))
    .filter((each) => each.problems.length > 0);
  expect(failures).toEqual([]);
});

test('Neo4j Cypher: every schema statement lints clean', () => {
  expect(catalog.schema.length).toBeGreaterThan(0);
  const failures = catalog.schema
    .map((text) => ({ text, problems: problems(text, neo4jSchema, { catalog: true }) }))
    .filter((each) => each.problems.length > 0);
  expect(failures).toEqual([]);
});

test('Neo4j Cypher: every statement the application runs resolves', () => {
  expect(() => catalog.verify(ALL_STATEMENTS)).not.toThrow();
});

test('Neo4j Cypher: every statement declares exactly the parameters its text uses', () => {
  const mismatches = ALL_STATEMENTS.map((statement) => ({
    name: statement.name,
    declared: [...statement.params].sort(),
    used: parametersIn(catalog.text(statement.name)),
  })).filter((each) => each.declared.join() !== each.used.join());
  expect(mismatches).toEqual([]);
});

describe('Neo4j Cypher lint catches', () => {
  test('Kuzu-only functions', () => {
    expect(problems('MATCH (n) RETURN label(n) AS kind, count(*) AS count')).toEqual([
      expect.stringMatching(/Function label is not present in the database/),
    ]);
    expect(problems('MATCH p = (:Company)-[*1..3]-(:Country) RETURN rels(p) AS edges')).toEqual([
      expect.stringMatching(/Function rels is not present in the database/),
    ]);
  });

  test('unknown functions only when given the function list', () => {
    expect(problems('MATCH (n) RETURN label(n) AS kind', {})).toEqual([]);
  });

  test('plugin functions the plain server lacks', () => {
    expect(problems("RETURN apoc.text.join(['a', 'b'], ',') AS joined")).toEqual([
      expect.stringMatching(/Function apoc\.text\.join is not present/),
    ]);
  });

  test('Kuzu syntax', () => {
    expect(
      problems('CREATE NODE TABLE IF NOT EXISTS Meta(key STRING PRIMARY KEY, value STRING)'),
    ).not.toEqual([]);
    expect(
      problems(
        'MATCH p = (a:Company {id: $from})-[:MEMBER_OF* ALL SHORTEST 1..6]-(b:Company {id: $to}) RETURN p',
      ),
    ).toContainEqual(expect.stringMatching(/Invalid input 'ALL'/));
  });

  test('labels, relationship types and properties outside the graph', () => {
    expect(problems('MATCH (c:Compnay)-[:MEMBERS_OF]->(a:Association) RETURN c.nmae AS name')).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/Label Compnay is not present/),
        expect.stringMatching(/Relationship type MEMBERS_OF is not present/),
        expect.stringMatching(/nmae is not present/),
      ]),
    );
  });

  test('relationships between kinds the domain never links', () => {
    expect(problems('MATCH (c:Company)-[:OPERATES]->(s:Sector) RETURN c.name AS name')).toEqual(
      expect.arrayContaining([expect.stringMatching(/has no incoming/)]),
    );
  });

  test('undefined variables', () => {
    expect(problems('MATCH (n:Company) RETURN m')).toEqual([
      expect.stringMatching(/Variable `m` not defined/),
    ]);
  });
});
