/**
 * The import's work on one file, wherever it runs: in a worker (worker.ts, the usual case) or in the
 * page (the offline edition, or a browser that will not start the worker). Reading, checking and
 * storing a large table take seconds; in a worker the page answers input throughout, and the page is
 * sent only what it shows (a summary, three sample rows, the first rejected rows) — never the table.
 */
import type { CsvTable } from '../data/csv.ts';
import type { Atlas } from '../data/schema.ts';
import { storeUserLayer, type StoreResult } from '../data/userStore.ts';
import { decodeBytes, sniffDelimiter, type Encoding } from './decode.ts';
import { parseTable, TABLE_LIMITS, TooLargeError } from './table.ts';
import { Gazetteer, type GazetteerJson } from './gazetteer.ts';
import { buildUserLayer, type Ambiguity, type ImportOptions, type ImportResult, type RowError } from './build.ts';
import type { ColumnMap } from './headers.ts';
import type { SheetInfo, Workbook } from './workbook.ts';
import { viewHints, type ViewHints } from './view.ts';

export type Phase = 'read' | 'parse' | 'check' | 'store';
export interface Progress {
  phase: Phase;
  /** Rows read or checked so far, and in all when known. */
  rows: number;
  total: number | null;
  /** Share of the work of this phase done, 0–1, when known. */
  share: number | null;
}

export interface TableSummary {
  file: string;
  kind: 'csv' | 'xlsx';
  encoding: Encoding | null;
  delimiter: ',' | '\t' | null;
  sheets: SheetInfo[];
  sheet: string | null;
  headerRow: number;
  header: string[];
  /** The first three rows, for the columns table. */
  samples: string[][];
  rows: number;
}

/** What the check step shows: counts, the places to pick, and the first rejected rows. */
export interface CheckSummary {
  rows: number;
  accepted: number;
  clusters: number;
  figures: number;
  errors: RowError[];
  errorCount: number;
  ambiguous: Ambiguity[];
  sectorGuessed: number;
  placedAtPrefecture: number;
  /** The stage and metric to open the map on. */
  view: ViewHints;
}

/** Rejected rows and ambiguous names sent to the page at most; the rest are counted. */
export const LISTED = { errors: 200, ambiguous: 100 } as const;

/** A file or its bytes: a workbook is a zip, so it starts "PK". */
const isZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b;
const isOle = (b: Uint8Array) => b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;
const yieldTurn = () => new Promise<void>((r) => setTimeout(r, 0));

export class ImportSession {
  private table: CsvTable | null = null;
  private workbook: Workbook | null = null;
  private summary: TableSummary | null = null;
  private result: ImportResult | null = null;
  private gazetteer: Gazetteer | null = null;

  constructor(private readonly report: (p: Progress) => void) {}

  /** Read a file: refused at once when larger than the import takes, else parsed in chunks. */
  async open(file: Blob, name: string): Promise<TableSummary> {
    if (file.size > TABLE_LIMITS.bytes) throw new TooLargeError('bytes', TABLE_LIMITS.bytes, file.size);
    this.table = this.workbook = this.result = null;
    this.report({ phase: 'read', rows: 0, total: null, share: 0 });
    const bytes = new Uint8Array(await file.arrayBuffer());
    if (isZip(bytes) || isOle(bytes) || /\.xlsx?$/i.test(name)) return this.openWorkbook(bytes, name);
    const { text, encoding } = decodeBytes(bytes);
    const delimiter = sniffDelimiter(text);
    const table = await parseTable(text, {
      delimiter,
      onProgress: (p) => this.report({ phase: 'parse', rows: p.rows, total: null, share: p.done / p.total }),
      pause: yieldTurn,
    });
    return this.keep(table, { file: name, kind: 'csv', encoding, delimiter, sheets: [], sheet: null, headerRow: 1 });
  }

  private async openWorkbook(bytes: Uint8Array, name: string): Promise<TableSummary> {
    const { openWorkbook, defaultSheet } = await import('./workbook.ts');
    this.report({ phase: 'parse', rows: 0, total: null, share: null });
    this.workbook = await openWorkbook(bytes);
    // The first visible sheet that holds a table (a notes sheet often comes first), else the first visible.
    const table = this.workbook.sheets.find((x) => !x.hidden && x.cols >= 2 && x.rows >= 2);
    return this.sheet(table?.name ?? defaultSheet(this.workbook), name);
  }

  /** Another sheet of the open workbook. */
  sheet(sheet: string, file = this.summary?.file ?? ''): TableSummary {
    if (!this.workbook) throw new Error('no workbook is open');
    const t = this.workbook.table(sheet);
    if (t.rows.length > TABLE_LIMITS.rows) throw new TooLargeError('rows', TABLE_LIMITS.rows, t.rows.length);
    return this.keep(t, { file, kind: 'xlsx', encoding: null, delimiter: null, sheets: this.workbook.sheets, sheet, headerRow: t.headerRow });
  }

  private keep(table: CsvTable, about: Omit<TableSummary, 'header' | 'samples' | 'rows'>): TableSummary {
    this.table = table;
    this.result = null;
    this.summary = { ...about, header: table.header, samples: table.rows.slice(0, 3).map((r) => r.cells), rows: table.rows.length };
    return this.summary;
  }

  /** Check every row against the atlas's schemas; the layer is kept here until it is stored. */
  check(columns: readonly ColumnMap[], opts: ImportOptions, atlas: Pick<Atlas, 'metrics' | 'sectors'>, gazetteer: GazetteerJson | null): CheckSummary {
    if (!this.table) throw new Error('no table is open');
    if (gazetteer) this.gazetteer = new Gazetteer(gazetteer);
    if (!this.gazetteer) throw new Error('no gazetteer');
    const total = this.table.rows.length;
    const r = buildUserLayer(this.table, columns, opts, atlas, this.gazetteer, (rows) => this.report({ phase: 'check', rows, total, share: rows / total }));
    this.result = r;
    return {
      rows: r.rows,
      accepted: r.accepted,
      clusters: r.payload.clusters.length,
      figures: r.payload.figures.length,
      errors: r.errors.slice(0, LISTED.errors),
      errorCount: r.errors.length,
      ambiguous: r.ambiguous.slice(0, LISTED.ambiguous),
      sectorGuessed: r.sectorGuessed,
      placedAtPrefecture: r.placedAtPrefecture,
      view: viewHints(r.payload),
    };
  }

  /** Keep the checked layer in this browser's storage (the earlier one stays when this one does not fit). */
  async store(): Promise<StoreResult> {
    if (!this.result) throw new Error('nothing checked to store');
    this.report({ phase: 'store', rows: this.result.payload.clusters.length, total: null, share: null });
    return storeUserLayer(this.result.payload);
  }
}
