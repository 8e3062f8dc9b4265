/**
 * A user's table → the user layer, checked row by row with the atlas's own schemas. Every rejected row is
 * named by its row (the spreadsheet's row number) and column with the reason; valid rows still load.
 * Rows with the same name and place are one cluster with several figures (years, stages, metrics).
 */
import { clusterRow, figureRow, siteRow, type Atlas, type ClusterRow, type FigureRow, type Grade, type SiteRow } from '../data/schema.ts';
import { USER_LAYER, type UserLayerPayload } from '../data/userLayer.ts';
import type { CsvTable } from '../data/csv.ts';
import type { ColumnMap, Field } from './headers.ts';
import { metricOf, unitFactor } from './headers.ts';
import type { Gazetteer, Place } from './gazetteer.ts';
import { parseStage, parseValue, parseYear, stageKind, type StageChoice } from './values.ts';
import lexicon from './lexicon.json';

const L = lexicon.layer;
const fill = (template: string, params: Record<string, string | number>) => template.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));

export interface ImportOptions {
  fileName: string;
  /** The source line readers see beside every figure (required). */
  sourceLine: string;
  grade: Grade;
  mode: 'beside' | 'replace';
  /** Metric of value columns whose header names none, when the row has no metric cell. */
  defaultMetric: string;
  /** Stage of the values when the table has no stage column (or the cell is empty). */
  defaultStage: StageChoice;
  /** Year of the values when the table has no year column (or the cell is empty); null = not stated. */
  defaultYear: number | null;
  /** Sector of clusters when the table has no sector column, or its cell is not one of the atlas's. */
  defaultSector: string;
  /** A place the user picked for an ambiguous name: cleaned text → adcode. */
  choices: Readonly<Record<string, string>>;
  /** ISO date-time of the import (passed in so the result is reproducible). */
  now: string;
}

export type Reason =
  | 'name-missing'
  | 'name-long'
  | 'place-missing'
  | 'place-none'
  | 'place-ambiguous'
  | 'value-bad'
  | 'year-bad'
  | 'stage-bad'
  | 'metric-bad'
  | 'unit-bad'
  | 'duplicate'
  | 'schema';

export interface RowError {
  /** The row as a spreadsheet numbers it (the header is row 1). */
  row: number;
  /** The column's header as written in the file, or null for the row as a whole. */
  column: string | null;
  reason: Reason;
  /** The cell as written, or the schema's message (reason "schema"). */
  detail: string;
}

export interface Ambiguity {
  text: string;
  candidates: Place[];
  rows: number[];
}

export interface ImportResult {
  payload: UserLayerPayload;
  rows: number;
  accepted: number;
  errors: RowError[];
  ambiguous: Ambiguity[];
  /** Rows whose sector cell is not one of the atlas's sectors (placed in the default sector; the text kept as industry). */
  sectorGuessed: number;
  /** Rows placed at their prefecture's point because the county has no seat point. */
  placedAtPrefecture: number;
}

export const MAX_TEXT = 200;

type Cells = (f: Field) => { text: string; header: string } | null;

/** Rows checked between two progress reports. */
const REPORT_EVERY = 2000;

export function buildUserLayer(table: CsvTable, columns: readonly ColumnMap[], opts: ImportOptions, atlas: Pick<Atlas, 'metrics' | 'sectors'>, gz: Gazetteer, onProgress?: (checked: number) => void): ImportResult {
  const errors: RowError[] = [];
  const ambiguous = new Map<string, Ambiguity>();
  const clusters = new Map<string, ClusterRow>();
  const sites: SiteRow[] = [];
  const figures: FigureRow[] = [];
  const seenFigure = new Set<string>();
  const metricUnit = new Map(atlas.metrics.map((m) => [m.id, m.unit]));
  const sectorIds = new Map<string, string>();
  for (const s of atlas.sectors) for (const n of [s.id, s.name_zh, s.name_en]) sectorIds.set(n.toLowerCase(), s.id);
  let accepted = 0;
  let sectorGuessed = 0;
  let placedAtPrefecture = 0;
  const valueCols = columns.map((c, i) => ({ ...c, i })).filter((c) => c.field === 'value');

  let checked = 0;
  for (const r of table.rows) {
    if (onProgress && ++checked % REPORT_EVERY === 0) onProgress(checked);
    const cell: Cells = (f) => {
      const i = columns.findIndex((c) => c.field === f);
      return i < 0 ? null : { text: (r.cells[i] ?? '').trim(), header: table.header[i] ?? '' };
    };
    const fail = (column: string | null, reason: Reason, detail = '') => errors.push({ row: r.line, column, reason, detail });
    const before = errors.length;
    const name = cell('name');
    if (!name?.text) fail(name?.header ?? null, 'name-missing');
    else if (name.text.length > MAX_TEXT) fail(name.header, 'name-long', name.text.slice(0, 40) + '…');
    const place = resolvePlace(cell, gz, opts.choices);
    if (place.kind === 'missing') fail(place.header, 'place-missing');
    else if (place.kind === 'none') fail(place.header, 'place-none', place.text);
    else if (place.kind === 'ambiguous') {
      fail(place.header, 'place-ambiguous', place.text);
      const a = ambiguous.get(place.key) ?? { text: place.key, candidates: place.candidates, rows: [] };
      a.rows.push(r.line);
      ambiguous.set(place.key, a);
    }
    const yearCell = cell('year');
    const year = yearCell?.text ? parseYear(yearCell.text) : opts.defaultYear;
    if (yearCell && Number.isNaN(year)) fail(yearCell.header, 'year-bad', yearCell.text);
    const stageCell = cell('stage');
    const parsedStage = stageCell ? parseStage(stageCell.text) : undefined;
    if (parsedStage === null) fail(stageCell!.header, 'stage-bad', stageCell!.text);
    const rowMetricCell = cell('metric');
    const rowMetric = rowMetricCell?.text ? metricOf(rowMetricCell.text, atlas.metrics) : null;
    if (rowMetricCell?.text && !rowMetric) fail(rowMetricCell.header, 'metric-bad', rowMetricCell.text);
    const unitCell = cell('unit');
    const values: { metric: string; value: number; comparator: FigureRow['comparator']; header: string; year: number | null; idSuffix: string }[] = [];
    for (const vc of valueCols) {
      const header = table.header[vc.i] ?? '';
      const v = parseValue(r.cells[vc.i] ?? '');
      if (v.kind === 'empty') continue;
      if (v.kind === 'bad') {
        fail(header, 'value-bad', r.cells[vc.i] ?? '');
        continue;
      }
      const metric = vc.metric ?? rowMetric ?? opts.defaultMetric;
      const factor = unitFactor(vc.unit ?? (unitCell?.text || null), metricUnit.get(metric) ?? '');
      if (factor == null) {
        fail(header, 'unit-bad', vc.unit ?? unitCell?.text ?? '');
        continue;
      }
      values.push({ metric, value: roundValue(v.value * factor), comparator: v.comparator, header, year: vc.year ?? (Number.isNaN(year) ? null : year), idSuffix: vc.year != null ? `-${vc.year}` : '' });
    }
    if (errors.length > before || place.kind !== 'found' || !name?.text) continue;

    const key = `${name.text}|${place.place.adcode}`;
    let cluster = clusters.get(key);
    const rowErrors: RowError[] = [];
    if (!cluster) {
      const id = `u-${r.line}`;
      const sectorCell = cell('sector');
      const sector = sectorCell?.text ? sectorIds.get(sectorCell.text.toLowerCase()) : undefined;
      if (sectorCell?.text && !sector) sectorGuessed++;
      const industry = cell('industry')?.text || (sectorCell?.text && !sector ? sectorCell.text : '') || null;
      const candidate = {
        id,
        name_zh: name.text,
        name_en: cell('name_en')?.text || name.text,
        sector: sector ?? opts.defaultSector,
        industry_zh: industry,
        industry_en: industry,
        parent_id: null,
        status: 'user',
        dev_stage: null,
        province_adcode: place.place.provinceAdcode,
        prefecture_adcode: place.place.prefectureAdcode,
        batch: USER_LAYER,
        ...section(opts.fileName, r.line),
        notes_zh: null,
        notes_en: null,
      };
      const site = siteFor(id, place.place, opts.fileName, r.line);
      const c = checkRow(clusterRow, candidate, r.line, rowErrors);
      const s = checkRow(siteRow, site, r.line, rowErrors);
      if (!c || !s) {
        for (const e of rowErrors) errors.push(e);
        continue;
      }
      if (place.place.coordNote === 'prefecture-seat') placedAtPrefecture++;
      cluster = c;
      clusters.set(key, c);
      sites.push(s);
    }
    const { stage, kind } = stageKind(parsedStage ?? opts.defaultStage);
    const rowSource = cell('source')?.text;
    const note = [cell('note')?.text, rowSource ? fill(L.rowSource, { source: rowSource }) : ''].filter(Boolean).join(' · ') || null;
    for (const v of values) {
      const dup = `${cluster.id}|${v.metric}|${stage}|${v.year ?? ''}`;
      if (seenFigure.has(dup)) {
        rowErrors.push({ row: r.line, column: v.header, reason: 'duplicate', detail: String(v.value) });
        continue;
      }
      const f = checkRow(figureRow, {
        id: `u-${r.line}-${v.metric}${v.idSuffix}`,
        subject_type: 'cluster',
        subject_id: cluster.id,
        scope: 'total',
        metric: v.metric,
        comparator: v.comparator,
        value: v.value,
        value_max: null,
        value_status: 'stated',
        unit: metricUnit.get(v.metric) ?? '',
        kind,
        stage,
        year: v.year,
        year_status: v.year == null ? 'none' : 'stated',
        year_source_id: null,
        batch: USER_LAYER,
        ...section(opts.fileName, r.line),
        note_zh: note,
        note_en: note,
      }, r.line, rowErrors);
      if (f) {
        seenFigure.add(dup);
        figures.push(f);
      }
    }
    for (const e of rowErrors) errors.push(e);
    if (!rowErrors.length) accepted++;
  }
  const payload = payloadOf(opts, [...clusters.values()], sites, figures, table.rows.length, errors.length);
  return { payload, rows: table.rows.length, accepted, errors, ambiguous: [...ambiguous.values()], sectorGuessed, placedAtPrefecture };
}

const roundValue = (x: number) => Math.round(x * 1e6) / 1e6;

const section = (file: string, line: number) => ({ source_id: USER_LAYER, section_zh: fill(L.section.zh, { file, line }), section_en: fill(L.section.en, { file, line }) });

type PlaceResult = { kind: 'missing'; header: string | null } | { kind: 'none'; header: string; text: string } | { kind: 'ambiguous'; header: string; text: string; key: string; candidates: Place[] } | { kind: 'found'; place: Place };

/** The row's place: an adcode column first, else the place, province, city and county columns read together. */
function resolvePlace(cell: Cells, gz: Gazetteer, choices: Readonly<Record<string, string>>): PlaceResult {
  const code = cell('adcode');
  if (code?.text) {
    const r = gz.resolve(code.text);
    return r.kind === 'found' ? { kind: 'found', place: r.place } : { kind: 'none', header: code.header, text: code.text };
  }
  const parts = (['province', 'prefecture', 'county', 'place'] as const).map((f) => cell(f)).filter((c): c is NonNullable<ReturnType<Cells>> => c != null);
  const text = parts.map((p) => p.text).join('');
  const header = parts.map((p) => p.header).join(' + ');
  if (!text) return { kind: 'missing', header: header || null };
  const r = gz.resolve(text);
  if (r.kind === 'found') return r;
  if (r.kind === 'none') return { kind: 'none', header, text };
  const picked = choices[text];
  const place = picked ? r.candidates.find((c) => c.adcode === picked) : undefined;
  return place ? { kind: 'found', place } : { kind: 'ambiguous', header, text, key: text, candidates: r.candidates };
}

function siteFor(clusterId: string, p: Place, file: string, line: number): unknown {
  const how = { seat: 'seat point', 'prefecture-seat': "the prefecture's seat point (no seat point for the county)", interior: 'interior label point' }[p.coordNote];
  return {
    id: `${clusterId}-s1`,
    cluster_id: clusterId,
    place_zh: p.fullName,
    place_en: p.fullName,
    adcode: p.adcode,
    precision: p.precision,
    lon: p.lon,
    lat: p.lat,
    coord_source: `gazetteer (data/gazetteer/places.json): ${how}`,
    ...section(file, line),
    notes_zh: null,
    notes_en: null,
  };
}

function checkRow<T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } } }, value: unknown, row: number, out: RowError[]): T | null {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  for (const i of r.error.issues) out.push({ row, column: null, reason: 'schema', detail: `${i.path.join('.')}: ${i.message}` });
  return null;
}

function payloadOf(opts: ImportOptions, clusters: ClusterRow[], sites: SiteRow[], figures: FigureRow[], rows: number, rejected: number): UserLayerPayload {
  const line = opts.sourceLine.trim() || opts.fileName;
  const years = figures.map((f) => f.year).filter((y): y is number => y != null);
  const date = opts.now.slice(0, 10);
  const file = opts.fileName;
  const counts = { rows, clusters: clusters.length, rejected };
  return {
    kind: 'cluster-atlas-user-layer',
    version: 1,
    mode: opts.mode,
    file,
    importedAt: opts.now,
    source: { id: USER_LAYER, level: 'dataset', grade: opts.grade, issuer_zh: line, issuer_en: line, title_zh: file, title_en: file, doc_number: null, doc_number_status: 'none', date: null, date_status: 'none', province_adcode: null, seed_file: null, url: null, read_at: null, read_at_name_zh: null, read_at_name_en: null, notes_zh: fill(L.sourceNote.zh, { date, file }), notes_en: fill(L.sourceNote.en, { date, file }) },
    programme: { id: USER_LAYER, name_zh: L.name.zh, name_en: L.name.en, short_zh: L.name.zh, short_en: L.name.en, level: 'local', issuer_zh: line, issuer_en: line, default_on: true, description_zh: fill(L.description.zh, { file }), description_en: fill(L.description.en, { file }) },
    batch: { id: USER_LAYER, programme: USER_LAYER, name_zh: line, name_en: line, date: null, year: years.length ? years.reduce((a, b) => Math.max(a, b)) : null, source_id: USER_LAYER, official_count: null, cumulative_count: null, completeness_zh: fill(L.completeness.zh, counts), completeness_en: fill(L.completeness.en, counts), notes_zh: null, notes_en: null },
    clusters,
    sites,
    figures,
  };
}
