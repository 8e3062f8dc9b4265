/** Title, description, notes and table of the cluster-growth chart. */
import type { Lang } from '../../i18n/index.ts';
import { formatAmount, unitLabel } from '../../i18n/format.ts';
import type { Atlas, FigureRow } from '../../data/schema.ts';
import { tx, txn } from '../text.ts';
import { displayValue, plainNumber, sourceLine, withUnit } from '../shared/format.ts';
import { citeCells, citeColumns } from '../shared/cite.ts';
import type { ChartMeta, ChartTable } from '../shared/meta.ts';
import type { Growth } from '../../data/series.ts';
import type { ChangeRow, ChangeSeries } from './derive.ts';

const mname = (s: ChangeSeries, lang: Lang) => (lang === 'zh' ? s.metric.name_zh : s.metric.name_en);
export const rowName = (r: ChangeRow, lang: Lang) => (lang === 'zh' ? r.name_zh : r.name_en);

/** "+12.3%" a year. */
export function rateText(rate: number, lang: Lang): string {
  return `${rate >= 0 ? '+' : '−'}${plainNumber(Math.abs(rate) * 100, lang, 1)}%`;
}

/** "产值 2019 1,200亿元 → 2023 2,000亿元" (the metric named when it is not the chart's). */
export function spanText(g: Growth, lang: Lang, s: Pick<ChangeSeries, 'metric' | 'metrics'>, compact = false): string {
  // Compact (a slide's label column): the unit once, after the second value, where both are in one unit.
  const bare = (f: FigureRow) => {
    const full = formatAmount(f.value!, f.unit, lang);
    const u = unitLabel(f.unit, lang);
    return compact && f.unit === g.to.unit && f.unit !== '%' && u && full.endsWith(u) ? full.slice(0, -u.length).trimEnd() : full;
  };
  const v = (f: FigureRow) => `${f.year} ${f === g.from ? bare(f) : formatAmount(f.value!, f.unit, lang)}`;
  const m = s.metrics.find((x) => x.id === g.to.metric);
  const metric = g.to.metric === s.metric.id ? '' : m ? (lang === 'zh' ? m.name_zh : m.name_en) : g.to.metric;
  const cov = g.to.coverage === 'lead-industry' ? tx(lang, 'chart.totals.lead') : '';
  return `${metric || cov ? `${metric}${cov} ` : ''}${v(g.from)} → ${v(g.to)}`;
}

export function title(_s: ChangeSeries, lang: Lang): string {
  return tx(lang, 'chart.change.title');
}

export function describe(s: ChangeSeries, lang: Lang): string {
  const top = s.rows.slice(0, 5).map((r) => `${rowName(r, lang)} ${rateText(r.growth.rate, lang)}`);
  const med = s.regions.filter((r) => r.median != null).map((r) => `${tx(lang, `region.${r.region}`)} ${rateText(r.median!, lang)} (${r.clusters})`);
  return tx(lang, 'chart.change.desc', { metric: mname(s, lang), n: s.rows.length, total: s.clusters, top: top.join(tx(lang, 'chart.list.sep')) || '—', medians: med.join(tx(lang, 'chart.list.sep')) || '—' });
}

export function meta(s: ChangeSeries, lang: Lang): ChartMeta {
  const notes = [tx(lang, 'chart.change.note.rate'), tx(lang, 'chart.change.note.planned')];
  if (s.single) notes.push(txn(lang, 'chart.change.note.single', s.single));
  return { title: title(s, lang), subtitle: tx(lang, 'chart.change.subtitle', { metric: mname(s, lang), n: s.rows.length, total: s.clusters }), source: sourceLine(s.sources, lang), notes };
}

/** One row per value: each cluster's first and latest figure and the goal, with the rates; then the regional medians. */
export function table(s: ChangeSeries, lang: Lang, atlas: Pick<Atlas, 'metrics' | 'sources'>): ChartTable {
  const unit = s.metric.unit;
  const rows: (string | number)[][] = [];
  const line = (r: ChangeRow, role: string, f: FigureRow, rate: string): (string | number)[] => [rowName(r, lang), tx(lang, `region.${r.region}`), role, displayValue(f.value!, unit, lang), rate, ...citeCells(f, atlas, lang)];
  for (const r of s.rows) {
    rows.push(line(r, tx(lang, 'chart.change.role.first'), r.growth.from, ''));
    rows.push(line(r, tx(lang, 'chart.change.role.latest'), r.growth.to, rateText(r.growth.rate, lang)));
    if (r.planned) rows.push(line(r, tx(lang, 'chart.change.role.target'), r.planned.to, rateText(r.planned.rate, lang)));
  }
  for (const g of s.regions) rows.push([tx(lang, 'chart.change.median', { region: tx(lang, `region.${g.region}`) }), tx(lang, `region.${g.region}`), txn(lang, 'chart.change.clusters', g.clusters), '', g.median == null ? '' : rateText(g.median, lang), '', '', '', '', '', '']);
  return { columns: [tx(lang, 'chart.col.subject'), tx(lang, 'table.region'), tx(lang, 'chart.col.role'), withUnit(tx(lang, 'chart.col.number'), unit, lang), tx(lang, 'chart.col.rate'), ...citeColumns(lang)], rows };
}
