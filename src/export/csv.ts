/**
 * CSV exports: UTF-8 with a BOM (so Excel opens Chinese text correctly), a header row, the data, then
 * a citation line. The displayed data is a chart's table; the full data is every figure with its
 * metric, unit, kind, stage, year, year status, coverage, source and the source's grade. Every cell goes
 * through toCsv's one escaping rule (data/csv.ts: csvCell).
 */
import { toCsv } from '../data/csv.ts';
import type { Atlas } from '../data/schema.ts';
import type { ChartTable } from '../charts/shared/meta.ts';
import { t, pick, type Lang } from '../i18n/index.ts';
import { yearLabel } from '../i18n/format.ts';

export const BOM = '\uFEFF';

export function tableCsv(table: ChartTable, citation: string): string {
  return BOM + toCsv(table.columns, table.rows) + toCsv([citation], []);
}

export const FULL_COLUMNS = [
  'figure_id', 'subject_type', 'subject_id', 'subject', 'metric', 'metric_name', 'comparator', 'value', 'value_max', 'value_status', 'unit', 'kind', 'stage', 'year', 'year_status', 'year_label', 'scope', 'coverage', 'source_id', 'issuer', 'source', 'document_number', 'source_grade', 'section', 'note',
] as const;

export function fullCsv(atlas: Atlas, lang: Lang, citation: string): string {
  const metrics = new Map(atlas.metrics.map((m) => [m.id, m]));
  const sources = new Map(atlas.sources.map((s) => [s.id, s]));
  const names = new Map<string, string>([
    ...atlas.clusters.map((c) => [c.id, pick(c, 'name', lang)] as [string, string]),
    ...atlas.groups.map((g) => [g.id, pick(g, 'name', lang)] as [string, string]),
    ...atlas.regions.map((r) => [r.adcode, pick(r, 'name', lang)] as [string, string]),
    ...(['east', 'central', 'west', 'northeast'] as const).map((r) => [r, t(lang, `region.${r}`)] as [string, string]),
    ['CN', t(lang, 'subject.nation')],
  ]);
  const rows = atlas.figures.map((f) => {
    const m = metrics.get(f.metric);
    const s = sources.get(f.source_id);
    return [
      f.id, f.subject_type, f.subject_id, names.get(f.subject_id) ?? f.subject_id, f.metric, m ? pick(m, 'name', lang) : '', f.comparator, f.value, f.value_max, f.value_status, f.unit, f.kind, f.stage,
      f.year, f.year_status, yearLabel(f, lang, sources), f.scope, f.coverage ?? '', f.source_id, s ? pick(s, 'issuer', lang) : '', s ? pick(s, 'title', lang) : '', s?.doc_number ?? '', s?.grade ?? '', pick(f, 'section', lang), pick(f, 'note', lang),
    ];
  });
  return BOM + toCsv(FULL_COLUMNS, rows) + toCsv([citation], []);
}
