import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { projectPath } from '../paths.js';
import type { Statement } from './statements.js';

export type Dialect = 'embedded' | 'neo4j';

/** Where the `.cypher` files live: `cypher/` at the package root. */
export function defaultCypherDirectory(): string {
  return projectPath('cypher');
}

/** Removes `//` line comments outside string literals, so parameter scans and linters see only Cypher. */
export function stripComments(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      let quote: string | null = null;
      for (let i = 0; i < line.length; i += 1) {
        const char = line[i];
        if (quote) {
          if (char === '\\') i += 1;
          else if (char === quote) quote = null;
        } else if (char === "'" || char === '"' || char === '`') quote = char;
        else if (char === '/' && line[i + 1] === '/') return line.slice(0, i);
      }
      return line;
    })
    .join('\n');
}

/** The `$parameters` a statement's text uses. */
export function parametersIn(text: string): string[] {
  const withoutStrings = stripComments(text).replace(/'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"/g, "''");
  return [
    ...new Set([...withoutStrings.matchAll(/\$([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1] as string)),
  ].sort();
}

/** Splits a schema file into its statements (separated by `;` at the end of a line). */
export function splitStatements(text: string): string[] {
  return stripComments(text)
    .split(/;\s*$/m)
    .map((statement) => statement.trim())
    .filter((statement) => statement.length > 0);
}

/**
 * Every statement file under `directory` (subfolders by capability, `schema/` excepted), as paths
 * relative to it. A statement's name is its file's base name, wherever the file sits.
 */
export function statementFiles(directory = defaultCypherDirectory()): string[] {
  return readdirSync(directory, { recursive: true, encoding: 'utf8' })
    .map((file) => file.split(path.sep).join('/'))
    .filter((file) => file.endsWith('.cypher') && !file.startsWith('schema/'))
    .sort();
}

/** The statement name of a file: its base name without `.cypher` or `.<dialect>.cypher`. */
export function statementName(file: string): string {
  return path.posix.basename(file).replace(/\.(embedded|neo4j)\.cypher$|\.cypher$/, '');
}

/**
 * The Cypher statements of one dialect, read once from disk, from `cypher/` and its subfolders.
 * Looking up a name resolves `<name>.<dialect>.cypher` first, then the portable `<name>.cypher`.
 * A statement's files (both dialects) sit side by side: a name found in two folders fails the load.
 */
export class CypherCatalog {
  private constructor(
    readonly dialect: Dialect,
    private readonly texts: ReadonlyMap<string, string>,
    readonly schema: readonly string[],
  ) {}

  static load(dialect: Dialect, directory = defaultCypherDirectory()): CypherCatalog {
    const texts = new Map<string, string>();
    const other: Dialect = dialect === 'embedded' ? 'neo4j' : 'embedded';
    const files = statementFiles(directory);
    const seen = new Map<string, string>();
    for (const file of files) {
      // One folder per statement: a name in two folders, even as two dialects, is a mistake.
      const earlier = seen.get(statementName(file));
      if (earlier !== undefined && path.posix.dirname(earlier) !== path.posix.dirname(file))
        throw new Error(`two Cypher files for one statement: cypher/${earlier} and cypher/${file}`);
      seen.set(statementName(file), file);
    }
    const portable = files.filter(
      (f) => !f.endsWith(`.${other}.cypher`) && !f.endsWith(`.${dialect}.cypher`),
    );
    for (const file of [...portable, ...files.filter((f) => f.endsWith(`.${dialect}.cypher`))]) {
      texts.set(statementName(file), readFileSync(path.join(directory, file), 'utf8').trim());
    }
    const schema = splitStatements(readFileSync(path.join(directory, 'schema', `${dialect}.cypher`), 'utf8'));
    return new CypherCatalog(dialect, texts, schema);
  }

  /** Fails at start-up, naming every statement whose file is missing. */
  verify(statements: Iterable<Pick<Statement, 'name'>>): this {
    const missing = [...statements].map((s) => s.name).filter((name) => !this.texts.has(name));
    if (missing.length > 0) {
      throw new Error(
        `missing Cypher for the ${this.dialect} store: ${missing.map((n) => `cypher/${n}.cypher`).join(', ')}`,
      );
    }
    return this;
  }

  has(name: string): boolean {
    return this.texts.has(name);
  }

  text(statement: Pick<Statement, 'name'> | string): string {
    const name = typeof statement === 'string' ? statement : statement.name;
    const text = this.texts.get(name);
    if (text === undefined)
      throw new Error(`no Cypher statement named "${name}" for the ${this.dialect} store`);
    return text;
  }

  names(): string[] {
    return [...this.texts.keys()].sort();
  }
}
