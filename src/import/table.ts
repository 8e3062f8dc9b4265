/**
 * A user's table file → header and rows, read with papaparse: in chunks, reporting progress, pausing
 * between chunks so that the page (or the worker's messages) can go on, and stopping as soon as the
 * table is larger than the import takes. Rows are numbered as a spreadsheet numbers them: the header is
 * row 1 and a cell with a line break in it is still one row.
 */
import Papa from 'papaparse';
import { CsvSyntaxError, type CsvTable } from '../data/csv.ts';

/** What the import takes: beyond it the table is refused with a message naming the limit. */
export const TABLE_LIMITS = { bytes: 30 * 1024 * 1024, rows: 100_000 } as const;

export class TooLargeError extends Error {
  constructor(
    public readonly what: 'bytes' | 'rows',
    public readonly limit: number,
    public readonly found: number,
  ) {
    super(`the table is larger than the import takes (${what}: ${found} > ${limit})`);
  }
}

export interface ParseProgress {
  /** Characters read so far and in all. */
  done: number;
  total: number;
  rows: number;
}

export interface ParseOptions {
  delimiter: ',' | '\t';
  maxRows?: number;
  onProgress?: (p: ParseProgress) => void;
  /** Give the page a turn between chunks (async reading); the sync reader leaves it out. */
  pause?: () => Promise<void>;
}

const CHUNK = 1 << 20;

/**
 * A cell the atlas itself wrote with an apostrophe so that spreadsheets would not run it ("'=1+1", see
 * data/csv.ts csvCell) reads back as written.
 */
const unescapeCell = (c: string) => (c.length > 1 && c[0] === "'" && /[=+\-@\t\r]/.test(c[1]!) ? c.slice(1) : c);

class Collector {
  rows: { line: number; cells: string[] }[] = [];
  header: string[] | null = null;
  line = 0;
  constructor(private readonly maxRows: number) {}
  add(records: string[][]): void {
    for (const cells of records) {
      this.line++;
      if (!cells.some((c) => c.trim() !== '')) continue; // spreadsheets pad with empty rows
      if (!this.header) {
        this.header = cells.map((h) => unescapeCell(h).trim());
        continue;
      }
      if (this.rows.length >= this.maxRows) throw new TooLargeError('rows', this.maxRows, this.rows.length + 1);
      for (let i = 0; i < cells.length; i++) cells[i] = unescapeCell(cells[i]!);
      this.rows.push({ line: this.line, cells });
    }
  }
  table(): CsvTable {
    if (!this.header) throw new CsvSyntaxError(1, 'the file is empty (a header row is required)');
    return { header: this.header, rows: this.rows };
  }
}

/** The first syntax error papaparse reports that spreadsheets would not forgive: a quote left open. */
function syntaxError(errors: Papa.ParseError[], firstLine: number): CsvSyntaxError | null {
  const e = errors.find((x) => x.code === 'MissingQuotes');
  return e ? new CsvSyntaxError(firstLine + (e.row ?? 0), 'a quoted field is never closed') : null;
}

/** Read the whole text; resolves with the table or rejects with CsvSyntaxError / TooLargeError. */
export function parseTable(text: string, o: ParseOptions): Promise<CsvTable> {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const out = new Collector(o.maxRows ?? TABLE_LIMITS.rows);
  return new Promise((resolve, reject) => {
    let failed = false;
    Papa.parse<string[]>(src, {
      delimiter: o.delimiter,
      skipEmptyLines: false,
      chunkSize: CHUNK,
      chunk(res: Papa.ParseResult<string[]>, parser: Papa.Parser) {
        if (failed) return;
        try {
          const bad = syntaxError(res.errors, out.line + 1);
          if (bad) throw bad;
          out.add(res.data);
          o.onProgress?.({ done: Math.min(res.meta.cursor, src.length), total: src.length, rows: out.rows.length });
        } catch (e) {
          failed = true;
          parser.abort();
          reject(e);
          return;
        }
        if (o.pause) {
          parser.pause();
          void o.pause().then(() => parser.resume());
        }
      },
      complete() {
        if (failed) return;
        try {
          resolve(out.table());
        } catch (e) {
          reject(e);
        }
      },
    });
  });
}

/** Read the whole text at once (small tables, tests): the same rules as parseTable, without progress. */
export function parseTableSync(text: string, delimiter: ',' | '\t', maxRows: number = TABLE_LIMITS.rows): CsvTable {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const res = Papa.parse<string[]>(src, { delimiter, skipEmptyLines: false });
  const bad = syntaxError(res.errors, 1);
  if (bad) throw bad;
  const out = new Collector(maxRows);
  out.add(res.data);
  return out.table();
}
