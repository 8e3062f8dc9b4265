/** Minimal RFC 4180 CSV reader and writer, shared by the data build and the CSV export. */

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

/** Serialise rows to CSV (CRLF line ends, as spreadsheets expect). */
export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  const lines = [header.map(quote).join(',')];
  for (const row of rows) lines.push(row.map((v) => quote(v == null ? '' : String(v))).join(','));
  return lines.join('\r\n') + '\r\n';
}
