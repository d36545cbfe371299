import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const IMPORT_FIXTURES = path.join(__dirname, '..', 'fixtures', 'import');

export const fixture = (name: string): string => path.join(IMPORT_FIXTURES, name);

/** Files written to a fresh temporary directory (text or raw bytes); `remove` deletes it. */
export function writeFiles(files: Record<string, string | Buffer>): {
  directory: string;
  paths: Record<string, string>;
  remove: () => void;
} {
  const directory = mkdtempSync(path.join(os.tmpdir(), 'tradegraph-import-test-'));
  const paths: Record<string, string> = {};
  for (const [name, content] of Object.entries(files)) {
    paths[name] = path.join(directory, name);
    writeFileSync(paths[name] as string, content);
  }
  return { directory, paths, remove: () => rmSync(directory, { recursive: true, force: true }) };
}

/** Statistic rows in the JSON Lines import format, all new and all valid against the fixture dataset. */
export function statisticLines(count: number, prefix = 'gen'): string {
  const lines: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const month = String((i % 12) + 1).padStart(2, '0');
    lines.push(
      JSON.stringify({
        id: `${prefix}-${i}`,
        subject: i % 2 === 0 ? 'MX' : 'alpha-trucks',
        metric: 'exports',
        value: (i * 37) % 100000,
        unit: 'vehicles',
        period: `${2000 + (i % 26)}-${month}`,
        ...(i % 3 === 0 ? { destination: 'US' } : {}),
        sector: 'heavy-trucks',
        source: 'fx-report-2026',
      }),
    );
  }
  return `${lines.join('\n')}\n`;
}
