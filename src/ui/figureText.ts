/** How a mark's figure reads in the list and the tooltip: the value with its year, another metric's figure named, or "no figure". */
import { t, type Lang } from '../i18n/index.ts';
import { formatFigureValue } from '../i18n/format.ts';
import type { ClusterMark } from '../data/marks.ts';
import type { FigureRow, MetricRow } from '../data/schema.ts';

/** The year a figure is for, short: "2023年" / "2023", or why there is none. */
export function shortYear(f: Pick<FigureRow, 'year' | 'year_status'>, lang: Lang): string {
  if (f.year == null) return t(lang, f.year_status === 'illegible' ? 'year.illegible' : 'year.none');
  return t(lang, 'year.stated', { year: f.year });
}

/** A figure's value with its coverage when it is the lead industries alone: "1,507亿元（主导产业）". */
export function valueWithCoverage(f: FigureRow, lang: Lang): string {
  const v = formatFigureValue(f, lang);
  return f.coverage === 'lead-industry' ? `${v} · ${t(lang, 'figure.coverage.lead-industry')}` : v;
}

export function markFigureText(m: ClusterMark, lang: Lang, metrics: ReadonlyMap<string, MetricRow>): string {
  if (m.figure) return t(lang, 'figure.withYear', { value: valueWithCoverage(m.figure, lang), year: shortYear(m.figure, lang) });
  if (m.other) {
    const metric = metrics.get(m.other.metric);
    const metricName = metric ? (lang === 'zh' ? metric.name_zh : metric.name_en) : m.other.metric;
    return t(lang, 'figure.other', { metric: metricName, value: valueWithCoverage(m.other, lang), year: shortYear(m.other, lang) });
  }
  return t(lang, 'list.nofigure');
}
