/**
 * Excel workbooks (.xlsx) for the user-table import: open the file, list its sheets, and read one sheet
 * as the header + rows the CSV reader gives (decode.ts), each row keeping its own Excel row number so
 * that a message can name the row the user finds in Excel. Pure: runs in a Web Worker and in Node.
 *
 * Why the zip is checked before anything is inflated: an .xlsx is a zip, and a file of a few MB can
 * inflate to gigabytes. exceljs inflates every entry into memory, so the sizes, compression ratios and
 * sheet count the zip's central directory declares are checked first, from the directory alone, and a
 * file that fails is refused before exceljs (a large lazily loaded chunk) is even imported.
 */
import { unzipSync } from 'fflate';

export interface SheetInfo {
  name: string;
  /** Rows with any content. */
  rows: number;
  /** The last column used. */
  cols: number;
  hidden: boolean;
}

export interface WorkbookLimits {
  maxBytes: number;
  maxUncompressed: number;
  maxRatio: number;
  maxSheets: number;
  maxCells: number;
}

const MB = 1024 * 1024;

export const WORKBOOK_LIMITS: WorkbookLimits = Object.freeze({
  maxBytes: 30 * MB,
  maxUncompressed: 300 * MB,
  maxRatio: 200,
  maxSheets: 200,
  maxCells: 5_000_000,
});

/** The ratio test applies only to entries larger than this: small XML compresses very well and is harmless. */
const RATIO_MIN_ENTRY = 10 * MB;
/** More entries than this is no spreadsheet (and a forged directory could declare billions). */
const MAX_ENTRIES = 50_000;
/** Nodes exceljs may skip: a validation on a whole column expands to a million objects. */
const IGNORED_NODES = ['dataValidations', 'conditionalFormatting', 'extLst'];
const HEADER_SCAN = 20;

export type WorkbookErrorReason = 'not-xlsx' | 'too-big' | 'zip-bomb' | 'too-many-sheets' | 'encrypted' | 'xls' | 'empty' | 'unreadable';

export class WorkbookError extends Error {
  constructor(
    public readonly reason: WorkbookErrorReason,
    public readonly detail: string,
  ) {
    super(`${reason}: ${detail}`);
    this.name = 'WorkbookError';
  }
}

export interface SheetTable {
  header: string[];
  rows: { line: number; cells: string[] }[];
  /** 1-based sheet row of the header. */
  headerRow: number;
}

export interface Workbook {
  sheets: SheetInfo[];
  table(sheet: string): SheetTable;
}

/** The sheet callers start with: the first visible one. */
export function defaultSheet(wb: Workbook): string {
  const sheet = wb.sheets.find((s) => !s.hidden) ?? wb.sheets[0];
  if (!sheet) throw new WorkbookError('empty', 'the workbook has no worksheets');
  return sheet.name;
}

/** Check the file and its zip directory (nothing inflated), then load it with exceljs. */
export async function openWorkbook(bytes: Uint8Array, limits: WorkbookLimits = WORKBOOK_LIMITS): Promise<Workbook> {
  checkSignature(bytes, limits);
  checkEntries(listEntries(bytes), limits);
  const book = await loadExcel(bytes);
  const sheets = book.worksheets.map(sheetInfo);
  if (sheets.length === 0) throw new WorkbookError('empty', 'the workbook has no worksheets');
  return {
    sheets,
    table(name) {
      const ws = book.worksheets.find((w) => w.name === name);
      const info = sheets.find((s) => s.name === name);
      if (!ws || !info) throw new Error(`no sheet named "${name}"`);
      if (info.rows * info.cols > limits.maxCells) {
        throw new WorkbookError('too-big', `sheet "${name}" has ${info.rows} rows × ${info.cols} columns; the limit is ${limits.maxCells} cells`);
      }
      return sheetTable(name, readRows(ws));
    },
  };
}

// ---------------------------------------------------------------------------------------------------
// Before inflating: the signature and the zip's central directory

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
/** Compound File Binary (OLE): the old .xls, and also an encrypted (password-protected) .xlsx. */
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

function checkSignature(bytes: Uint8Array, limits: WorkbookLimits): void {
  if (bytes.length > limits.maxBytes) {
    throw new WorkbookError('too-big', `the file is ${megabytes(bytes.length)} MB; the limit is ${megabytes(limits.maxBytes)} MB`);
  }
  if (startsWith(bytes, CFB_MAGIC)) throw compoundFileError(bytes);
  if (!startsWith(bytes, ZIP_MAGIC)) throw new WorkbookError('not-xlsx', 'not an Excel .xlsx file (no zip signature)');
}

/** An encrypted .xlsx is a compound file holding a stream named "EncryptedPackage" (its name in UTF-16LE). */
function compoundFileError(bytes: Uint8Array): WorkbookError {
  const name = Array.from('EncryptedPackage').flatMap((ch) => [ch.charCodeAt(0), 0]);
  if (indexOfBytes(bytes, name) >= 0) {
    return new WorkbookError('encrypted', 'a password-protected workbook: remove the password in Excel, or save as CSV');
  }
  return new WorkbookError('xls', 'old .xls or a password-protected workbook: save as .xlsx or CSV');
}

interface ZipEntry {
  name: string;
  size: number;
  originalSize: number;
}

/** The central directory's entries; the filter refuses every entry, so nothing is inflated. */
function listEntries(bytes: Uint8Array): ZipEntry[] {
  const entries: ZipEntry[] = [];
  try {
    unzipSync(bytes, {
      filter: ({ name, size, originalSize }) => {
        if (entries.length >= MAX_ENTRIES) throw new WorkbookError('zip-bomb', `more than ${MAX_ENTRIES} entries in the zip`);
        if (!Number.isFinite(size) || !Number.isFinite(originalSize)) throw new WorkbookError('not-xlsx', 'the zip directory is damaged');
        entries.push({ name, size, originalSize });
        return false;
      },
    });
  } catch (e) {
    if (e instanceof WorkbookError) throw e;
    throw new WorkbookError('not-xlsx', `not a readable zip (${errorText(e)})`);
  }
  return entries;
}

function checkEntries(entries: ZipEntry[], limits: WorkbookLimits): void {
  let total = 0;
  for (const e of entries) {
    if (e.originalSize > RATIO_MIN_ENTRY && e.originalSize > limits.maxRatio * Math.max(e.size, 1)) {
      throw new WorkbookError('zip-bomb', `${e.name} inflates ${Math.round(e.originalSize / Math.max(e.size, 1))}-fold to ${megabytes(e.originalSize)} MB`);
    }
    total += e.originalSize;
  }
  if (total > limits.maxUncompressed) {
    throw new WorkbookError('too-big', `the workbook inflates to ${megabytes(total)} MB; the limit is ${megabytes(limits.maxUncompressed)} MB`);
  }
  if (!entries.some((e) => e.name === 'xl/workbook.xml')) throw new WorkbookError('not-xlsx', 'a zip file, but not an Excel workbook (no xl/workbook.xml)');
  const sheets = entries.filter((e) => /^xl\/worksheets\/[^/]+\.xml$/.test(e.name)).length;
  if (sheets > limits.maxSheets) throw new WorkbookError('too-many-sheets', `${sheets} sheets; the limit is ${limits.maxSheets}`);
}

// ---------------------------------------------------------------------------------------------------
// exceljs, through the little of it this module uses. Its own typings say `row`/`col` are strings and
// `Row.dimensions` a number (both wrong at run time), hence these narrow local interfaces.

interface XlCell {
  readonly value: unknown;
  readonly numFmt: string | undefined;
  /** The merged range's top-left cell for a cell it covers; the cell itself otherwise. */
  readonly master: XlCell;
  readonly row: number;
  readonly col: number;
}
interface XlRow {
  readonly dimensions: { min: number; max: number } | null;
  eachCell(iteratee: (cell: XlCell, col: number) => void): void;
}
interface XlSheet {
  readonly name: string;
  readonly state: 'visible' | 'hidden' | 'veryHidden';
  eachRow(iteratee: (row: XlRow, line: number) => void): void;
}
interface XlBook {
  readonly worksheets: XlSheet[];
  readonly xlsx: { load(data: Uint8Array, options: { ignoreNodes: string[] }): Promise<unknown> };
}
interface XlModule {
  Workbook: new () => XlBook;
}

/** Node's CJS interop gives `{ default: ExcelJS }`; a bundled ESM build may give the namespace itself. */
async function loadExcel(bytes: Uint8Array): Promise<XlBook> {
  const mod = (await import('exceljs')) as unknown as XlModule & { default?: XlModule };
  const excel = mod.default ?? mod;
  const book = new excel.Workbook();
  try {
    await book.xlsx.load(bytes, { ignoreNodes: IGNORED_NODES });
  } catch (e) {
    throw new WorkbookError('unreadable', `the workbook could not be read (${errorText(e)})`);
  }
  return book;
}

function sheetInfo(ws: XlSheet): SheetInfo {
  let rows = 0;
  let cols = 0;
  ws.eachRow((row) => {
    rows++;
    cols = Math.max(cols, row.dimensions?.max ?? 0);
  });
  return { name: ws.name, rows, cols, hidden: ws.state !== 'visible' };
}

// ---------------------------------------------------------------------------------------------------
// Cells as the cells hold them

type Kind = 'text' | 'number' | 'date' | 'other';

interface CellText {
  text: string;
  kind: Kind;
}

/** A non-empty cell; `master` is set on a cell covered by a merged range (not on its top-left cell). */
interface Slot extends CellText {
  master?: { row: number; col: number };
}

interface SheetRow {
  line: number;
  /** slots[col - 1]; a hole is an empty cell. */
  slots: (Slot | undefined)[];
}

const EMPTY: CellText = { text: '', kind: 'other' };

/** Rows with any content, each with its sheet row number. A cell a merge covers reads the merge's value. */
function readRows(ws: XlSheet): SheetRow[] {
  const rows: SheetRow[] = [];
  ws.eachRow((row, line) => {
    const slots: (Slot | undefined)[] = [];
    row.eachCell((cell, col) => {
      const slot = readCell(cell);
      if (slot.text.trim() !== '') slots[col - 1] = slot;
    });
    if (slots.length > 0) rows.push({ line, slots });
  });
  return rows;
}

function readCell(cell: XlCell): Slot {
  const origin = cell.master;
  const { text, kind } = cellText(origin.value, origin.numFmt);
  return origin === cell ? { text, kind } : { text, kind, master: { row: origin.row, col: origin.col } };
}

function cellText(value: unknown, numFmt: string | undefined): CellText {
  if (typeof value === 'string') return { text: value, kind: 'text' };
  if (typeof value === 'number') return { text: String(value), kind: 'number' };
  if (typeof value === 'boolean') return { text: value ? 'TRUE' : 'FALSE', kind: 'other' };
  if (value instanceof Date) return { text: dateText(value, numFmt), kind: 'date' };
  if (isRecord(value)) return objectText(value, numFmt);
  return EMPTY;
}

/** Formulas (plain or shared) give their cached result, never the formula; rich text and links their text. */
function objectText(value: Record<string, unknown>, numFmt: string | undefined): CellText {
  if ('formula' in value || 'sharedFormula' in value) return cellText(value.result, numFmt);
  if ('richText' in value) return { text: richText(value.richText), kind: 'text' };
  if ('text' in value) return { text: cellText(value.text, undefined).text, kind: 'text' };
  if ('error' in value) return { text: String(value.error), kind: 'other' };
  return EMPTY;
}

function richText(runs: unknown): string {
  if (!Array.isArray(runs)) return '';
  let text = '';
  for (const run of runs) if (isRecord(run) && typeof run.text === 'string') text += run.text;
  return text;
}

/** YYYY-MM-DD from the UTC parts (exceljs reads dates as UTC), or YYYY under a year-only format. */
function dateText(date: Date, numFmt: string | undefined): string {
  if (Number.isNaN(date.getTime())) return '';
  const year = String(date.getUTCFullYear()).padStart(4, '0');
  if (isYearOnlyFormat(numFmt)) return year;
  return `${year}-${pad2(date.getUTCMonth() + 1)}-${pad2(date.getUTCDate())}`;
}

/** `yyyy`, `yyyy"年"`, `[$-804]yyyy\年`: a year and no other date or time part, literal text aside. */
function isYearOnlyFormat(numFmt: string | undefined): boolean {
  if (!numFmt) return false;
  const codes = numFmt.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '');
  return /y/i.test(codes) && !/[mdhsbeg]/i.test(codes);
}

// ---------------------------------------------------------------------------------------------------
// The table: header row, a second header row under merged groups, data rows

function sheetTable(name: string, rows: SheetRow[]): SheetTable {
  const at = findHeader(rows);
  const head = rows[at];
  if (!head) throw new WorkbookError('empty', `sheet "${name}" is empty`);
  const header = headerLabels(head);
  const grouped = groupedColumns(head);
  const next = rows[at + 1];
  const continued = next !== undefined && isHeaderContinuation(head, next, grouped, header.length);
  if (continued) joinSubHeaders(header, next, grouped);
  return { header, rows: dataRows(rows, at + (continued ? 2 : 1), header.length), headerRow: head.line };
}

/** Among the first rows with content, the first that looks like a header; else the first row. */
function findHeader(rows: SheetRow[]): number {
  const scan = Math.min(rows.length, HEADER_SCAN);
  for (let i = 0; i < scan; i++) if (looksLikeHeader(rows[i]!)) return i;
  return 0;
}

/**
 * At least two text cells, and text in most of its cells. A merged range counts once, so a title merged
 * across the width above the table (one cell) is never taken for the header.
 */
function looksLikeHeader(row: SheetRow): boolean {
  let cells = 0;
  let texts = 0;
  for (const slot of row.slots) {
    if (!slot || slot.master) continue;
    cells++;
    if (slot.kind === 'text') texts++;
  }
  return texts >= 2 && texts * 2 > cells;
}

/** One label per column up to the last non-empty one; a merged header cell labels every column it covers. */
function headerLabels(head: SheetRow): string[] {
  const labels: string[] = [];
  for (let i = 0; i < head.slots.length; i++) labels.push(cleanLabel(head.slots[i]?.text ?? ''));
  return labels;
}

/** Columns (0-based) under a header cell merged across columns: the cells it covers and its own. */
function groupedColumns(head: SheetRow): Set<number> {
  const columns = new Set<number>();
  head.slots.forEach((slot, i) => {
    if (slot?.master?.row !== head.line) return;
    columns.add(i);
    columns.add(slot.master.col - 1);
  });
  return columns;
}

/**
 * The row right under the header continues it when it holds nothing but cells merged down from the
 * header and labels (text or numbers such as years) under the merged groups. A data row has content in
 * the columns outside the groups, so it never qualifies.
 */
function isHeaderContinuation(head: SheetRow, next: SheetRow, grouped: Set<number>, width: number): boolean {
  if (next.line !== head.line + 1) return false;
  for (let i = 0; i < width; i++) {
    const slot = next.slots[i];
    if (!slot || slot.master?.row === head.line) continue;
    if (slot.master || !grouped.has(i) || (slot.kind !== 'text' && slot.kind !== 'number')) return false;
  }
  return true;
}

/** "Output" over "2023" | "2024" gives "Output 2023", "Output 2024". */
function joinSubHeaders(header: string[], next: SheetRow, grouped: Set<number>): void {
  for (const i of grouped) {
    const sub = next.slots[i];
    if (!sub || sub.master || i >= header.length) continue;
    header[i] = [header[i], cleanLabel(sub.text)].filter((s) => s).join(' ');
  }
}

/** Rows cut or padded to the header's width; rows left with no content are dropped. */
function dataRows(rows: SheetRow[], from: number, width: number): SheetTable['rows'] {
  const out: SheetTable['rows'] = [];
  for (let r = from; r < rows.length; r++) {
    const row = rows[r]!;
    const cells: string[] = new Array<string>(width);
    let content = false;
    for (let c = 0; c < width; c++) {
      const text = row.slots[c]?.text ?? '';
      cells[c] = text;
      content ||= text.trim() !== '';
    }
    if (content) out.push({ line: row.line, cells });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Small helpers

/** Header text on one line (Alt+Enter breaks in a header become spaces), trimmed like the CSV header. */
function cleanLabel(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

function indexOfBytes(hay: Uint8Array, needle: number[]): number {
  const first = needle[0];
  if (first === undefined) return 0;
  for (let at = hay.indexOf(first); at >= 0; at = hay.indexOf(first, at + 1)) {
    if (needle.every((b, i) => hay[at + i] === b)) return at;
  }
  return -1;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

function megabytes(n: number): string {
  return (n / MB).toFixed(1);
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
