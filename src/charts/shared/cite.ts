/**
 * The columns every new chart's table and CSV carry for each value: year, metric, coverage, actual or
 * target, source (issuer, document number or title, section) and the source's grade.
 */
import type { Atlas, FigureRow, SourceRow } from '../../data/schema.ts';
import type { Lang } from '../../i18n/index.ts';
import { tx } from '../text.ts';

export function citeColumns(lang: Lang): string[] {
  return [tx(lang, 'chart.col.year'), tx(lang, 'chart.col.metric'), tx(lang, 'chart.col.coverage'), tx(lang, 'chart.col.kind'), tx(lang, 'chart.col.source'), tx(lang, 'chart.col.grade')];
}

/** One source as a reader cites it: issuer, then the document number or the title, then the date. */
export function citeSource(s: SourceRow | undefined, lang: Lang): string {
  if (!s) return '';
  const issuer = lang === 'zh' ? s.issuer_zh : s.issuer_en;
  const doc = s.doc_number ?? tx(lang, 'chart.cite.title', { title: lang === 'zh' ? s.title_zh : s.title_en });
  return [issuer, doc, s.date ?? ''].filter(Boolean).join(tx(lang, 'chart.list.sep'));
}

export function citeCells(f: FigureRow, atlas: Pick<Atlas, 'metrics' | 'sources'>, lang: Lang): string[] {
  const metric = atlas.metrics.find((m) => m.id === f.metric);
  const source = atlas.sources.find((s) => s.id === f.source_id);
  const section = lang === 'zh' ? f.section_zh : f.section_en;
  return [
    f.year == null ? tx(lang, f.year_status === 'illegible' ? 'year.illegible' : 'year.none') : String(f.year),
    metric ? (lang === 'zh' ? metric.name_zh : metric.name_en) : f.metric,
    tx(lang, `chart.coverage.${f.coverage ?? 'unstated'}`),
    tx(lang, `kind.${f.kind}`),
    section ? tx(lang, 'chart.cite.section', { source: citeSource(source, lang), section }) : citeSource(source, lang),
    source ? tx(lang, `grade.${source.grade}`) : '',
  ];
}
