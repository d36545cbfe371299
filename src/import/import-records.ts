import { listMeta, setMeta } from '../store/catalog.js';
import type { GraphStore, WriteTransaction } from '../store/graph-store.js';
import { ImportError } from '../records/errors.js';

/*
 * Every import that changed the graph leaves a record of itself in a Meta node, written in the
 * import's own transaction (or with its last batch): which files, when, and what it changed. The
 * dataset in data/ does not hold these records, so a rebuild from it (`load --replace`) would drop
 * them: it refuses while any exist, unless told by id to discard them (docs/import-export.md).
 */

const PREFIX = 'imported:';

export interface ImportRecord {
  readonly importId: string;
  /** When it was applied (ISO 8601). */
  readonly at: string;
  /** The files as the importer named them (a client's name for POST /import). */
  readonly files: readonly string[];
  readonly created: number;
  readonly updated: number;
}

/** Writes the record of an import, inside the transaction that applies it. */
export async function recordImport(tx: WriteTransaction, record: ImportRecord): Promise<void> {
  await tx.run(setMeta, { key: `${PREFIX}${record.importId}`, value: JSON.stringify(record) });
}

/** The imports the graph holds, oldest first. */
export async function recordedImports(store: GraphStore): Promise<ImportRecord[]> {
  const rows = await store.read(listMeta, { keyPrefix: PREFIX });
  return rows
    .map((row) => JSON.parse(row.value) as ImportRecord)
    .sort((a, b) => a.at.localeCompare(b.at) || a.importId.localeCompare(b.importId));
}

/**
 * Refuses a rebuild that would drop imports not named in `discard`, listing each with how to keep
 * it (import its files again after the rebuild) or drop it (name it).
 */
export async function refuseToDropImports(store: GraphStore, discard: readonly string[]): Promise<void> {
  const imports = await recordedImports(store);
  const known = new Set(imports.map((each) => each.importId));
  const strangers = discard.filter((id) => !known.has(id));
  if (strangers.length > 0) {
    throw new ImportError(
      `--discard-imports names ${strangers.map((id) => `"${id}"`).join(', ')}, which the graph does not hold` +
        (imports.length
          ? ` (it holds: ${imports.map((each) => each.importId).join(', ')})`
          : ' (it holds no imports)'),
    );
  }
  const kept = imports.filter((each) => !discard.includes(each.importId));
  if (kept.length === 0) return;
  const lines = kept.map(
    (each) =>
      `  ${each.importId}  ${each.at}  ${each.created} created, ${each.updated} updated  from ${each.files.join(', ')}`,
  );
  throw new ImportError(
    [
      `load --replace would drop ${kept.length} import(s) that are not in the dataset, nothing was changed:`,
      ...lines,
      'To keep them, add their records to data/ (or keep their files and import them again after the reload).',
      `To drop them, name them: tradegraph load --replace --discard-imports ${kept.map((each) => each.importId).join(',')}`,
    ].join('\n'),
  );
}
