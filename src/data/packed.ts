/**
 * atlas.json's large tables (clusters, sites, figures) are written by column, not by row: each field once
 * as a list of values, and a text field whose values repeat (a section, a unit, a batch) as its distinct
 * texts plus one number per row. 100,000 synthetic clusters weigh 44 MB so instead of 184 MB, parse in a
 * quarter of the time, and every row's repeated texts are one string in memory, not one per row.
 *
 *   { "packed": 1, "length": 3, "columns": { "id": ["a", "b", "c"], "unit": { "strings": ["亿元"], "codes": [0, 0, null] }, "note": { "same": null } } }
 *
 * A column that holds one value in every row (often: no note at all) is that value once.
 *
 * The page turns them back into rows before it checks the file's shape (shape.ts), so every module reads
 * rows as before; a table that is already a list of rows is left as it is. The row builders below list
 * each table's fields (a literal object per row is the fast way to make 100,000 rows in a browser that
 * allows no generated code); packed.test.ts keeps them equal to shape.ts's tables.
 */
import type { ClusterRow, FigureRow, SiteRow } from './schema.ts';

export type PackedColumn = unknown[] | { strings: string[]; codes: (number | null)[] } | { same: string | number | boolean | null };
export interface PackedTable {
  packed: 1;
  length: number;
  columns: Record<string, PackedColumn>;
}

/**
 * Columns that name a cluster: each such text becomes the very string of that cluster's id, not a copy
 * JSON.parse made (at 100,000 clusters, 260,000 copies: 5 MB of heap, more with longer ids).
 */
const REFERS_TO_CLUSTER = new Set(['sites.cluster_id', 'figures.subject_id']);

/** The tables written by column. */
export const PACKED_TABLES = ['clusters', 'sites', 'figures'] as const;
type PackedName = (typeof PACKED_TABLES)[number];

/** A text column is kept as distinct texts and codes when its distinct texts are at most this share of its rows. */
const DICTIONARY_SHARE = 0.5;

/** Rows to columns, for the data build. `fields`: every field of the table, in order. */
export function packTable(rows: readonly Record<string, unknown>[], fields: readonly string[]): PackedTable {
  const columns: Record<string, PackedColumn> = {};
  for (const f of fields) {
    const values = rows.map((r) => r[f] ?? null);
    const first = values[0];
    if (values.length > 1 && (first === null || ['string', 'number', 'boolean'].includes(typeof first)) && values.every((v) => v === first)) {
      columns[f] = { same: first as string | number | boolean | null };
      continue;
    }
    const texts = values.every((v) => v === null || typeof v === 'string');
    const distinct = new Map<string, number>();
    if (texts) for (const v of values) if (v !== null && !distinct.has(v as string)) distinct.set(v as string, distinct.size);
    columns[f] = texts && distinct.size > 0 && distinct.size <= rows.length * DICTIONARY_SHARE ? { strings: [...distinct.keys()], codes: values.map((v) => (v === null ? null : distinct.get(v as string)!)) } : values;
  }
  return { packed: 1, length: rows.length, columns };
}

/** The atlas with its large tables written by column (see the top of this file). */
export function packAtlas<A extends Record<PackedName, readonly object[]>>(atlas: A, fields: Record<PackedName, readonly string[]>): Omit<A, PackedName> & Record<PackedName, PackedTable> {
  const out: Record<string, unknown> = { ...atlas };
  for (const t of PACKED_TABLES) out[t] = packTable(atlas[t] as readonly Record<string, unknown>[], fields[t]);
  return out as Omit<A, PackedName> & Record<PackedName, PackedTable>;
}

export class PackedError extends Error {}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** One column's values as a list of `length` (texts looked up); throws a PackedError naming the column when it is malformed. */
function column(table: string, t: Record<string, unknown>, name: string, length: number, ids?: ReadonlyMap<string, string>): unknown[] {
  const columns = t['columns'] as Record<string, unknown>;
  const c = columns[name];
  const where = `${table}.columns.${name}`;
  if (Array.isArray(c)) {
    if (c.length !== length) throw new PackedError(`${where}: ${length} values expected`);
    if (ids) for (let i = 0; i < length; i++) c[i] = ids.get(c[i] as string) ?? c[i];
    return c;
  }
  if (isObject(c) && 'same' in c) {
    const v = c['same'];
    if (v !== null && !['string', 'number', 'boolean'].includes(typeof v)) throw new PackedError(`${where}.same: a text, number, true/false or null expected`);
    return new Array<unknown>(length).fill(v);
  }
  if (!isObject(c) || !Array.isArray(c['strings']) || !Array.isArray(c['codes'])) throw new PackedError(`${where}: a list, strings and codes, or one value for every row expected`);
  const strings = ids ? (c['strings'] as unknown[]).map((v) => ids.get(v as string) ?? v) : (c['strings'] as unknown[]);
  const codes = c['codes'] as unknown[];
  if (codes.length !== length) throw new PackedError(`${where}.codes: ${length} values expected`);
  const out = new Array<unknown>(length);
  for (let i = 0; i < length; i++) {
    const code = codes[i];
    if (code === null) out[i] = null;
    else if (typeof code === 'number' && code >= 0 && code < strings.length) out[i] = strings[code];
    else throw new PackedError(`${where}.codes.${i}: a number below ${strings.length} expected`);
  }
  return out;
}

type Columns = (name: string) => unknown[];
/* eslint-disable @typescript-eslint/no-explicit-any -- the values are checked by shape.ts right after */
const ROWS: Record<PackedName, (col: Columns, n: number) => object[]> = {
  clusters(col, n) {
    const [id, name_zh, name_en, sector, industry_zh, industry_en, parent_id, status, dev_stage, province_adcode, prefecture_adcode, batch, source_id, section_zh, section_en, notes_zh, notes_en] = CLUSTER_FIELDS.map(col) as any[][];
    const out = new Array<ClusterRow>(n);
    for (let i = 0; i < n; i++) out[i] = { id: id![i], name_zh: name_zh![i], name_en: name_en![i], sector: sector![i], industry_zh: industry_zh![i], industry_en: industry_en![i], parent_id: parent_id![i], status: status![i], dev_stage: dev_stage![i], province_adcode: province_adcode![i], prefecture_adcode: prefecture_adcode![i], batch: batch![i], source_id: source_id![i], section_zh: section_zh![i], section_en: section_en![i], notes_zh: notes_zh![i], notes_en: notes_en![i] };
    return out;
  },
  sites(col, n) {
    const [id, cluster_id, place_zh, place_en, adcode, precision, lon, lat, coord_source, source_id, section_zh, section_en, notes_zh, notes_en] = SITE_FIELDS.map(col) as any[][];
    const out = new Array<SiteRow>(n);
    for (let i = 0; i < n; i++) out[i] = { id: id![i], cluster_id: cluster_id![i], place_zh: place_zh![i], place_en: place_en![i], adcode: adcode![i], precision: precision![i], lon: lon![i], lat: lat![i], coord_source: coord_source![i], source_id: source_id![i], section_zh: section_zh![i], section_en: section_en![i], notes_zh: notes_zh![i], notes_en: notes_en![i] };
    return out;
  },
  figures(col, n) {
    const [id, subject_type, subject_id, scope, coverage, metric, comparator, value, value_max, value_status, unit, kind, stage, year, year_status, year_source_id, batch, source_id, section_zh, section_en, note_zh, note_en] = FIGURE_FIELDS.map(col) as any[][];
    const out = new Array<FigureRow>(n);
    for (let i = 0; i < n; i++) out[i] = { id: id![i], subject_type: subject_type![i], subject_id: subject_id![i], scope: scope![i], coverage: coverage![i], metric: metric![i], comparator: comparator![i], value: value![i], value_max: value_max![i], value_status: value_status![i], unit: unit![i], kind: kind![i], stage: stage![i], year: year![i], year_status: year_status![i], year_source_id: year_source_id![i], batch: batch![i], source_id: source_id![i], section_zh: section_zh![i], section_en: section_en![i], note_zh: note_zh![i], note_en: note_en![i] };
    return out;
  },
};
/* eslint-enable @typescript-eslint/no-explicit-any */

/** The fields each row builder above reads, in its order: packed.test.ts checks them against shape.ts. */
export const CLUSTER_FIELDS = ['id', 'name_zh', 'name_en', 'sector', 'industry_zh', 'industry_en', 'parent_id', 'status', 'dev_stage', 'province_adcode', 'prefecture_adcode', 'batch', 'source_id', 'section_zh', 'section_en', 'notes_zh', 'notes_en'] as const;
export const SITE_FIELDS = ['id', 'cluster_id', 'place_zh', 'place_en', 'adcode', 'precision', 'lon', 'lat', 'coord_source', 'source_id', 'section_zh', 'section_en', 'notes_zh', 'notes_en'] as const;
export const FIGURE_FIELDS = ['id', 'subject_type', 'subject_id', 'scope', 'coverage', 'metric', 'comparator', 'value', 'value_max', 'value_status', 'unit', 'kind', 'stage', 'year', 'year_status', 'year_source_id', 'batch', 'source_id', 'section_zh', 'section_en', 'note_zh', 'note_en'] as const;
export const PACKED_FIELDS: Record<PackedName, readonly string[]> = { clusters: CLUSTER_FIELDS, sites: SITE_FIELDS, figures: FIGURE_FIELDS };

/**
 * The atlas with its packed tables turned back into rows; anything else is returned as it is (shape.ts
 * then says what is wrong with it). Throws a PackedError naming the table and column when a packed table
 * is malformed.
 */
export function unpackAtlas(json: unknown): unknown {
  if (!isObject(json)) return json;
  let out: Record<string, unknown> | null = null;
  let clusterIds: Map<string, string> | undefined;
  for (const table of PACKED_TABLES) {
    const t = json[table];
    if (!isObject(t) || t['packed'] !== 1) continue;
    const n = t['length'];
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) throw new PackedError(`${table}.length: a count of rows expected`);
    if (!isObject(t['columns'])) throw new PackedError(`${table}.columns: a record expected`);
    out ??= { ...json };
    const rows = ROWS[table]((name) => column(table, t, name, n, REFERS_TO_CLUSTER.has(`${table}.${name}`) ? clusterIds : undefined), n);
    out[table] = rows;
    if (table === 'clusters') {
      clusterIds = new Map();
      for (const { id } of rows as { id: unknown }[]) if (typeof id === 'string') clusterIds.set(id, id);
    }
  }
  return out ?? json;
}
