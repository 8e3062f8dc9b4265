/**
 * The strict RFC 4180 reader of the project's own data files (the data build names the file, line and
 * field of a stray quote), and the one CSV writer every file the site writes goes through: chart tables,
 * all data, the data package, the import template. A user's own tables are read with papaparse instead
 * (src/import/table.ts): it streams, and it forgives what spreadsheets write.
 */

export interface CsvTable {
  header: string[];
  /** Each record with the 1-based line number where it starts in the file. */
  rows: { line: number; cells: string[] }[];
}

export class CsvSyntaxError extends Error {
  constructor(
    public readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

/** `delimiter`: ',' for CSV (the default), '\t' for TSV as spreadsheets save it. */
export function parseCsv(text: string, delimiter = ','): CsvTable {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let atFieldStart = true;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          cell += '"';
          i++;
        } else {
          quoted = false;
        }
      } else {
        if (ch === '\n') line++;
        cell += ch;
      }
      continue;
    }
    if (ch === '"' && atFieldStart) {
      quoted = true;
      atFieldStart = false;
    } else if (ch === '"') {
      throw new CsvSyntaxError(line, 'a quote inside an unquoted field (quote the whole field and double the quote)');
    } else if (ch === delimiter) {
      cells.push(cell);
      cell = '';
      atFieldStart = true;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      cells.push(cell);
      records.push({ line: recordLine, cells });
      cells = [];
      cell = '';
      atFieldStart = true;
      line++;
      recordLine = line;
    } else {
      cell += ch;
      atFieldStart = false;
    }
  }
  if (quoted) throw new CsvSyntaxError(recordLine, 'a quoted field is never closed');
  if (cell !== '' || cells.length > 0) {
    cells.push(cell);
    records.push({ line: recordLine, cells });
  }
  const nonEmpty = records.filter((r) => !(r.cells.length === 1 && r.cells[0] === ''));
  const [head, ...rows] = nonEmpty;
  if (!head) throw new CsvSyntaxError(1, 'the file is empty (a header row is required)');
  return { header: head.cells.map((h) => h.trim()), rows };
}

function quote(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** A number as text: what a spreadsheet reads as that number and nothing else. */
const PLAIN_NUMBER = /^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
/** What a spreadsheet may read as the start of a formula (OWASP, "CSV Injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A cell as written. A text cell a spreadsheet would run as a formula (=, +, -, @, a tab or a carriage
 * return first) is written with a leading apostrophe, so that Excel, WPS and LibreOffice open it as the
 * text it is. A number is left alone, whether it comes as a number or as text that is only a number
 * ("-5", "1.2e3"); "-2+3" is not only a number and is escaped. A lone "=", "+" or "-" (a comparator, a
 * placeholder) has nothing to run and stays as it is, so the atlas's own tables read back unchanged.
 */
export function csvCell(v: string | number | null | undefined): string {
  if (v == null) return '';
  if (typeof v === 'number') return String(v);
  return v.length > 1 && FORMULA_START.test(v) && !PLAIN_NUMBER.test(v) ? `'${v}` : v;
}

/** Serialise rows to CSV (CRLF line ends, as spreadsheets expect), every cell through csvCell. */
export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  const lines = [header.map((v) => quote(csvCell(v))).join(',')];
  for (const row of rows) lines.push(row.map((v) => quote(csvCell(v))).join(','));
  return lines.join('\r\n') + '\r\n';
}
