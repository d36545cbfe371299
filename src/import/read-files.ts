import { checkBlock, type CheckRequest, type CheckResponse } from './check-blocks.js';
import { CheckPool, textBlocks } from './check-pool.js';
import { checkRecord, type Checked } from './check-records.js';
import { readComtrade, type ComtradeOptions } from './comtrade.js';
import { csvHeader, type CsvHeader } from './csv-header.js';
import type { ImportReport } from './import-report.js';
import type { InputFile } from './input-files.js';
import { FIELD_SEPARATOR } from './packed-rows.js';
import { EncodingError } from './text-input.js';

/** Imports of at least this many bytes (own-format files) check their records in worker threads. */
const PARALLEL_BYTES = 4 * 1024 * 1024;
/** Blocks sent ahead to the workers. */
const BLOCKS_IN_FLIGHT = 6;

const FIELD = FIELD_SEPARATOR;

export interface ReadOptions {
  /** Records handed over together. */
  readonly batchSize: number;
  /** Worker threads that check records (ImportOptions.workers). */
  readonly workers?: number | undefined;
  readonly comtrade?: ComtradeOptions | undefined;
}

/** Where the read stage hands what it has read and checked. */
export interface ReadSink {
  /** A batch of checked records, in reading order, with the index of the file each comes from. */
  batch(checked: Checked[], files: number[]): Promise<void>;
  /** A block's packed statistics, to be taken whole; false: they come again as single records. */
  whole(response: CheckResponse, file: number): Promise<boolean>;
  /** Whether the import or the graph has a node (Comtrade asks for the nodes its rows imply). */
  exists(id: string): Promise<boolean>;
}

/**
 * The read stage: every file of the import, in order, as checked records in batches. Files in the
 * project's format are read in blocks checked against the record schemas (check-blocks.ts), in
 * worker threads for large imports; UN Comtrade files row by row (comtrade.ts). Problems, records
 * and bytes read go to the report; a file that is not UTF-8 is a problem, not an error.
 */
export async function readFiles(report: ImportReport, options: ReadOptions, sink: ReadSink): Promise<void> {
  const checked: Checked[] = [];
  const files: number[] = [];
  const flush = async (): Promise<void> => {
    if (checked.length === 0) return;
    await sink.batch(checked.splice(0), files.splice(0));
    report.progress('reading');
  };
  const batch: Batch = {
    add: (record, file) => {
      checked.push(record);
      files.push(file);
    },
    full: async () => {
      if (checked.length >= options.batchSize) await flush();
    },
  };
  // Large imports check their records in worker threads too; small ones are not worth starting them.
  const ownBytes = report.files
    .filter((file) => file.format !== 'comtrade')
    .reduce((sum, f) => sum + f.bytes, 0);
  const workers = options.workers;
  const pool =
    workers === 0 || (workers === undefined && ownBytes < PARALLEL_BYTES) ? null : CheckPool.start(workers);
  try {
    for (const [index, file] of report.files.entries()) {
      // Each file starts a batch, so what earlier files hold is known when this one asks (Comtrade).
      await flush();
      try {
        if (file.format === 'comtrade') await readComtradeFile(report, options, sink, file, index, batch);
        else await readOwnFile(report, sink, pool, file, index, batch);
      } catch (error) {
        if (!(error instanceof EncodingError)) throw error;
        report.problem({ file: file.name, line: error.line, record: '-', message: error.message });
      }
    }
    await flush();
  } finally {
    await pool?.close();
  }
}

/** The batch being gathered: `add` a record, and hand the batch over once `full`. */
interface Batch {
  add(record: Checked, file: number): void;
  full(): Promise<void>;
}

async function readComtradeFile(
  report: ImportReport,
  options: ReadOptions,
  sink: ReadSink,
  file: InputFile,
  index: number,
  batch: Batch,
): Promise<void> {
  const records = readComtrade(
    file,
    index,
    report.sink,
    options.comtrade ?? {},
    (id) => sink.exists(id),
    { skipped: report.skipped },
    (bytes) => (report.bytesRead += bytes),
  );
  for await (const record of records) {
    // A row counts once, not with the source, countries, sectors and claims it implies.
    if (record.kind === 'Statistic') report.counted(index, 1);
    const checked = checkRecord(record, file.name, report.sink);
    if (checked) {
      batch.add(checked, index);
      await batch.full();
    }
  }
}

/** A file in the project's own format, block by block, checked in worker threads when there are any. */
async function readOwnFile(
  report: ImportReport,
  sink: ReadSink,
  pool: CheckPool | null,
  file: InputFile,
  index: number,
  batch: Batch,
): Promise<void> {
  const csv = file.format === 'csv';
  let header: CsvHeader | null = null;
  const pending: Promise<CheckResponse>[] = [];
  const take = async (response: CheckResponse): Promise<void> => {
    for (const problem of response.problems) report.problem(problem);
    report.counted(index, response.records);
    for (const checked of response.checked) batch.add(checked, index);
    if (response.packed.length > 0 && !(await sink.whole(response, index))) {
      const rows = response.packed.split('\n');
      const meta = response.packedMeta;
      for (let i = 0; i < rows.length; i += 1) {
        const packed = rows[i] as string;
        batch.add(
          {
            t: 's',
            line: meta[4 * i] as number,
            id: packed.slice(0, packed.indexOf(FIELD)),
            packed,
            row: null,
            hash: meta[4 * i + 1] as number,
            idHashes: [meta[4 * i + 2] as number, meta[4 * i + 3] as number],
          },
          index,
        );
      }
    }
    await batch.full();
  };
  for await (const block of textBlocks(file.path, csv, (bytes) => (report.bytesRead += bytes))) {
    let text = block.text;
    let firstLine = block.firstLine;
    if (csv && header === null) {
      const found = csvHeader(file, text, firstLine, report.sink);
      if (found === null) continue;
      header = found.header;
      text = found.rest;
      firstLine = found.firstLine;
    }
    const request: CheckRequest = {
      format: csv ? 'csv' : 'jsonl',
      fileName: file.name,
      kind: file.kind,
      text,
      firstLine,
      ...(header ? { columns: header.columns, width: header.width } : {}),
    };
    pending.push(pool ? pool.run(request) : Promise.resolve(checkBlock(request)));
    // A few blocks in flight keep the workers busy while the main thread takes the answers in order.
    while (pending.length > (pool ? BLOCKS_IN_FLIGHT : 0))
      await take(await (pending.shift() as Promise<CheckResponse>));
  }
  while (pending.length > 0) await take(await (pending.shift() as Promise<CheckResponse>));
  if (csv && header === null)
    report.problem({ file: file.name, line: 1, record: '-', message: 'has no header row' });
}
