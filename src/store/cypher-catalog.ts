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
 * The Cypher statements of one dialect, read once from disk. Looking up a name resolves
 * `<name>.<dialect>.cypher` first, then the portable `<name>.cypher`.
 */
export class CypherCatalog {
  private constructor(
    readonly dialect: Dialect,
    private readonly texts: ReadonlyMap<string, string>,
    readonly schema: readonly string[],
  ) {}

  static load(dialect: Dialect, directory = defaultCypherDirectory()): CypherCatalog {
    const texts = new Map<string, string>();
    const files = readdirSync(directory).filter((file) => file.endsWith('.cypher'));
    const other: Dialect = dialect === 'embedded' ? 'neo4j' : 'embedded';
    for (const file of files.filter((f) => !f.endsWith(`.${other}.cypher`))) {
      const name = file.replace(/\.(embedded|neo4j)\.cypher$|\.cypher$/, '');
      const isDialectFile = file.endsWith(`.${dialect}.cypher`);
      if (texts.has(name) && !isDialectFile) continue;
      texts.set(name, readFileSync(path.join(directory, file), 'utf8').trim());
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
